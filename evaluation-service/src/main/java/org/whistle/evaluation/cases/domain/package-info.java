/** What a case's facts mean for the figures: on time or late, by which clock, counted on which date. */
@NullMarked
package org.whistle.evaluation.cases.domain;

import org.jspecify.annotations.NullMarked;
