/** The HTTP edge of turning whistles into tasks. */
@NullMarked
package org.whistle.members.whistles.web;

import org.jspecify.annotations.NullMarked;
