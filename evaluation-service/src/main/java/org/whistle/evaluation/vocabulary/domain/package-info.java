/** The shared vocabulary of EVALUATION.md §2: periods, what is counted, and the rates. */
@NullMarked
package org.whistle.evaluation.vocabulary.domain;

import org.jspecify.annotations.NullMarked;
