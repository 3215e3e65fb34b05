/** The periods and adjustments API. */
@NullMarked
package org.whistle.evaluation.periods.web;

import org.jspecify.annotations.NullMarked;
