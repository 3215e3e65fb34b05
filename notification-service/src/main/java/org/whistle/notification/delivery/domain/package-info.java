/** Recipients, messages, quiet rules and masking: the delivery rules as plain values, without Spring. */
@NullMarked
package org.whistle.notification.delivery.domain;

import org.jspecify.annotations.NullMarked;
