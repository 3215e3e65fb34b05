/** Figures: counts, rates and durations per object and period, counted from the case rows, with drill-down to the cases. */
@NullMarked
package org.whistle.evaluation.figures;

import org.jspecify.annotations.NullMarked;
