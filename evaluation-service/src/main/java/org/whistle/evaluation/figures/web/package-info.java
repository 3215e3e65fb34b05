/** The figures API: /api/evaluation/figures. */
@NullMarked
package org.whistle.evaluation.figures.web;

import org.jspecify.annotations.NullMarked;
