/** One trace per whistle across the outbox and Kafka (ADR 0048): what the outbox stores, the relay sends, batches continue. */
@NullMarked
package org.whistle.messaging.tracing;

import org.jspecify.annotations.NullMarked;
