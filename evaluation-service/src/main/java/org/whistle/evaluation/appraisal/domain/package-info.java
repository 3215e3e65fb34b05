/** The appraisal's arithmetic and rules, without Spring: composite scores, weights, rankings, indicators, stars. */
@NullMarked
package org.whistle.evaluation.appraisal.domain;

import org.jspecify.annotations.NullMarked;
