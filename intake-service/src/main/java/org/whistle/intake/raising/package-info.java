/** Raising whistles: one use case for every channel, with validation, grid resolution, idempotency and duplicate suggestions. */
@NullMarked
package org.whistle.intake.raising;

import org.jspecify.annotations.NullMarked;
