/** Rule sets: inclusion, exemptions and weights, versioned and effective from a date. */
@NullMarked
package org.whistle.evaluation.rules;

import org.jspecify.annotations.NullMarked;
