/** Subscriptions of units and users to an area: they hear of whistles raised anywhere inside it. */
@NullMarked
package org.whistle.notification.areas;

import org.jspecify.annotations.NullMarked;
