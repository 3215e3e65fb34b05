/**
 * Evaluation (考核评价): counts, rates, 三率, rankings and published periods, derived from the event streams alone
 * (ADR 0024).
 */
@NullMarked
package org.whistle.evaluation;

import org.jspecify.annotations.NullMarked;
