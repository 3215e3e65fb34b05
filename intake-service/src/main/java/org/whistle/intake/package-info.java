/** Intake: raising whistles from every channel, evidence, grid resolution, reporter follow-up and the Open311 façade. */
@NullMarked
package org.whistle.intake;

import org.jspecify.annotations.NullMarked;
