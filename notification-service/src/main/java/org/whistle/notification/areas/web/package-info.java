/** {@code /api/notifications/area-subscriptions}. */
@NullMarked
package org.whistle.notification.areas.web;

import org.jspecify.annotations.NullMarked;
