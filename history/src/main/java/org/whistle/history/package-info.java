/**
 * Generated history of the demo city: the events the live services would have published for past cases, each
 * marked {@link org.whistle.events.Origin#HISTORY} (ADR 0032), deterministic from a seed.
 */
@NullMarked
package org.whistle.history;

import org.jspecify.annotations.NullMarked;
