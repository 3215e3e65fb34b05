/** The rankings API. */
@NullMarked
package org.whistle.evaluation.rankings.web;

import org.jspecify.annotations.NullMarked;
