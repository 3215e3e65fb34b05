/** Raised whistles become tickets at their street command centre, or the fallback owner (兜底). */
@NullMarked
package org.whistle.dispatch.raising;

import org.jspecify.annotations.NullMarked;
