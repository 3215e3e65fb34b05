/**
 * The members' photos that answered a whistle ({@code members-photo:<id>}): read once from members-service as a
 * Whistle service, stripped of location like any photo intake keeps, and served from intake's own store (ADR 0051).
 */
@NullMarked
package org.whistle.intake.memberphotos;

import org.jspecify.annotations.NullMarked;
