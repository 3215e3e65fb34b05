package org.whistle.dispatch.anchoring;

import org.springframework.stereotype.Service;
import org.whistle.dispatch.ticket.StoredTicket;

/** Verifies a stored ticket's timeline against the anchors Kafka holds for it (ADR 0016). */
@Service
public class VerifyingTimelines {

    private final AnchorReader reader;

    VerifyingTimelines(AnchorReader reader) {
        this.reader = reader;
    }

    public AnchorVerification verify(StoredTicket stored) {
        var snapshot = stored.snapshot();
        return AnchorCheck.compare(snapshot.id(), stored.timeline(), reader.read(snapshot.id(), snapshot.whistleId()));
    }
}
