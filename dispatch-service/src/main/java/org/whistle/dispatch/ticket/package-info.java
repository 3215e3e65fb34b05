/** Tickets as the service keeps them: storage, numbering, guarded changes and the events they publish. */
@NullMarked
package org.whistle.dispatch.ticket;

import org.jspecify.annotations.NullMarked;
