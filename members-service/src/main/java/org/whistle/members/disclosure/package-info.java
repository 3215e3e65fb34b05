/** 公示: quarterly publication of points and rankings with a window for objections. */
@NullMarked
package org.whistle.members.disclosure;

import org.jspecify.annotations.NullMarked;
