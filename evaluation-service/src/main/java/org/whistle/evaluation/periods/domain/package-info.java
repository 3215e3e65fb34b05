/** A period's lifecycle and an adjustment's, each guarding its transitions. */
@NullMarked
package org.whistle.evaluation.periods.domain;

import org.jspecify.annotations.NullMarked;
