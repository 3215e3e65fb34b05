/** A rule set and the choice of the one in force on a date. */
@NullMarked
package org.whistle.evaluation.rules.domain;

import org.jspecify.annotations.NullMarked;
