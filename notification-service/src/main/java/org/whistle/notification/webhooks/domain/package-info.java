/** The webhook signature algorithm, as receivers must implement it. */
@NullMarked
package org.whistle.notification.webhooks.domain;

import org.jspecify.annotations.NullMarked;
