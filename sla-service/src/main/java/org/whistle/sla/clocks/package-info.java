/**
 * The clocks capability: a Kafka Streams application that keeps every ticket's clock sheet in a changelogged store,
 * indexes running clocks by due time, and publishes warnings and escalations in the same exactly-once transaction.
 */
@NullMarked
package org.whistle.sla.clocks;

import org.jspecify.annotations.NullMarked;
