/**
 * Webhooks for department systems: subscriptions per unit, HMAC-SHA256-signed envelopes, retries with backoff, and
 * subscriptions disabled (with an administrators' alert) after repeated failure.
 */
@NullMarked
package org.whistle.notification.webhooks;

import org.jspecify.annotations.NullMarked;
