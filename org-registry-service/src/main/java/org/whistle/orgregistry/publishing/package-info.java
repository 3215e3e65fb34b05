/**
 * Publishes reference data to the compacted {@code org-*} topics through the outbox: every change as it commits,
 * and the whole current state once, on the first start, so consumers can build their copy from the topics alone.
 */
@NullMarked
package org.whistle.orgregistry.publishing;

import org.jspecify.annotations.NullMarked;
