/** The contract between services: event envelope, event records, topic catalogue and their Jackson 3 serde. */
@NullMarked
package org.whistle.events;

import org.jspecify.annotations.NullMarked;
