/** Effectively-once consumption: an event's effect and the record that it was handled commit together. */
@NullMarked
package org.whistle.messaging.inbox;

import org.jspecify.annotations.NullMarked;
