/** The reporter-facing lifecycle: public statuses and when feedback may be given. */
@NullMarked
package org.whistle.intake.following.domain;

import org.jspecify.annotations.NullMarked;
