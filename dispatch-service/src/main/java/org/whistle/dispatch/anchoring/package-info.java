/**
 * Anchoring ticket timelines outside dispatch's database (ADR 0016): signed checkpoints of changed timeline heads on a
 * compacted topic, and verification of a ticket's timeline against the anchors read back from Kafka.
 */
@NullMarked
package org.whistle.dispatch.anchoring;

import org.jspecify.annotations.NullMarked;
