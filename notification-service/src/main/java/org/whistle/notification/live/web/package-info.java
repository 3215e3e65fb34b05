/** {@code /api/notifications/stream}: the caller's stream and a command centre's stream. */
@NullMarked
package org.whistle.notification.live.web;

import org.jspecify.annotations.NullMarked;
