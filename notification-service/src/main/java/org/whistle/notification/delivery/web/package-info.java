/** {@code /api/notifications/deliveries}: the delivery log of a whistle. */
@NullMarked
package org.whistle.notification.delivery.web;

import org.jspecify.annotations.NullMarked;
