/** {@code /api/notifications/dev-outbox}: what the development provider would have sent. */
@NullMarked
package org.whistle.notification.textmessages.web;

import org.jspecify.annotations.NullMarked;
