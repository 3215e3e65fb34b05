/** Server-sent-event streams per user, unit and command centre, for live pages; heartbeats keep them open. */
@NullMarked
package org.whistle.notification.live;

import org.jspecify.annotations.NullMarked;
