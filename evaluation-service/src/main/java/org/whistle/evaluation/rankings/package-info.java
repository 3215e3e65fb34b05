/** Rankings per level with ties, movement, 红黑榜, year-on-year and period-on-period. */
@NullMarked
package org.whistle.evaluation.rankings;

import org.jspecify.annotations.NullMarked;
