/** The indicators of EVALUATION.md §2: what is counted, the rates and the composite score. */
@NullMarked
package org.whistle.evaluation.figures.domain;

import org.jspecify.annotations.NullMarked;
