package org.whistle.orgregistry.publishing;

import java.util.function.BiConsumer;
import org.whistle.events.ReferenceEvent;

/**
 * A capability whose reference data belongs on the {@code org-*} topics: it hands over the current state of every
 * entity it holds, with each one's revision, for the first-start snapshot.
 */
public interface ReferenceSource {

    void currentState(BiConsumer<ReferenceEvent, Long> sink);
}
