/** Escalations and expired clocks from sla-service: level raised with a supervision order (督办), or auto-close. */
@NullMarked
package org.whistle.dispatch.supervision;

import org.jspecify.annotations.NullMarked;
