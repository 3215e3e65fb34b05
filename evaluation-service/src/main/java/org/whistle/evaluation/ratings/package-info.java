/**
 * 双考核: the command centre that summoned a unit rates the unit's part once it ended (done, declined, withdrawn); the
 * unit sees its ratings and may appeal each once; the level above decides. Each rating and decision is published as
 * {@code unit-rated} through the outbox (ADR 0025).
 */
@NullMarked
package org.whistle.evaluation.ratings;

import org.jspecify.annotations.NullMarked;
