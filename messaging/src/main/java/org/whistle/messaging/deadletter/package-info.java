/** Failed records: retried with backoff, then parked in {@code <topic>.DLT} with the reason, never dropped. */
@NullMarked
package org.whistle.messaging.deadletter;

import org.jspecify.annotations.NullMarked;
