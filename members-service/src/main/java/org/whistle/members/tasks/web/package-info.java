/** The HTTP edge of tasks. */
@NullMarked
package org.whistle.members.tasks.web;

import org.jspecify.annotations.NullMarked;
