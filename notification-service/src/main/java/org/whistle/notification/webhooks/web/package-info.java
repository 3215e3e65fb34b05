/** {@code /api/notifications/webhooks}: a unit's subscriptions and their delivery history. */
@NullMarked
package org.whistle.notification.webhooks.web;

import org.jspecify.annotations.NullMarked;
