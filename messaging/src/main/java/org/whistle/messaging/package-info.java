/** Reliable messaging every service shares: transactional outbox, idempotent consumers, dead-letter topics. */
@NullMarked
package org.whistle.messaging;

import org.jspecify.annotations.NullMarked;
