package org.whistle.evaluation.streams;

import org.jspecify.annotations.Nullable;
import org.whistle.evaluation.cases.domain.CaseRecord;
import org.whistle.events.EventEnvelope;

/**
 * Told, in the event's transaction, how a case changed: periods use it to turn a change of a closed period into a
 * pending adjustment, and other capabilities (双考核) may follow cases the same way.
 */
public interface CaseListener {

    void changed(@Nullable CaseRecord before, CaseRecord after, EventEnvelope<?> event);
}
