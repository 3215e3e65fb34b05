/**
 * Appraisals (考核): a department's period appraisal from its case figures and the ratings of every centre that summoned
 * it, a street's from its own figures and how its whistles were answered, both ranked; and the appraisal of community
 * secretaries (书记考核) against yearly indicator sets, with stars and their history (ADR 0025).
 */
@NullMarked
package org.whistle.evaluation.appraisal;

import org.jspecify.annotations.NullMarked;
