/** Events committed with the state change that caused them, and the relay that publishes them in order per key. */
@NullMarked
package org.whistle.messaging.outbox;

import org.jspecify.annotations.NullMarked;
