/** {@code /api/notifications/inbox}. */
@NullMarked
package org.whistle.notification.inbox.web;

import org.jspecify.annotations.NullMarked;
