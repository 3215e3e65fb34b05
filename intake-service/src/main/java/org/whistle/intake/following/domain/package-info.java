/** The reporter-facing lifecycle: when feedback may be given (the public statuses are raising's, {@code PublicStatus}). */
@NullMarked
package org.whistle.intake.following.domain;

import org.jspecify.annotations.NullMarked;
