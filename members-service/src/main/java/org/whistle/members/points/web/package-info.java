/** The HTTP edge of points. */
@NullMarked
package org.whistle.members.points.web;

import org.jspecify.annotations.NullMarked;
