/** Ranking with ties (1, 1, 3) and movement between periods. */
@NullMarked
package org.whistle.evaluation.rankings.domain;

import org.jspecify.annotations.NullMarked;
