/**
 * The rules of raising a whistle that need no framework: the whistle itself, its public statuses, phone numbers,
 * tracking codes, distances, the city's extent.
 */
@NullMarked
package org.whistle.intake.raising.domain;

import org.jspecify.annotations.NullMarked;
