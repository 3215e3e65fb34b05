/**
 * Cases: every whistle-* event is kept as a fact of its case, and the case is folded again from all its facts, so
 * duplicates and any order of arrival give the same row.
 */
@NullMarked
package org.whistle.evaluation.cases;

import org.jspecify.annotations.NullMarked;
