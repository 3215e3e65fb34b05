/** Access by role and organisation subtree, in one place for every capability. */
@NullMarked
package org.whistle.members.access;

import org.jspecify.annotations.NullMarked;
