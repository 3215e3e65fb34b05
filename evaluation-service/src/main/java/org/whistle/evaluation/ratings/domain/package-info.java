/** A unit's rating with its appeal: the states and the guarded transitions between them, without Spring. */
@NullMarked
package org.whistle.evaluation.ratings.domain;

import org.jspecify.annotations.NullMarked;
