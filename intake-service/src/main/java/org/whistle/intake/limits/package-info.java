/** Rate limits for anonymous callers, per phone, device and client address. */
@NullMarked
package org.whistle.intake.limits;

import org.jspecify.annotations.NullMarked;
