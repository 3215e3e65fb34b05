/** The disclosure setting's API: {@code /api/evaluation/disclosure}. */
@NullMarked
package org.whistle.evaluation.disclosure.web;

import org.jspecify.annotations.NullMarked;
