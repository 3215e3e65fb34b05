/** Periods: closing and publishing figures with the rules used; adjustments to closed periods. */
@NullMarked
package org.whistle.evaluation.periods;

import org.jspecify.annotations.NullMarked;
