package org.whistle.dispatch.anchoring.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.dispatch.access.TicketAccess;
import org.whistle.dispatch.anchoring.AnchorKeys;
import org.whistle.dispatch.anchoring.AnchorVerification;
import org.whistle.dispatch.anchoring.VerifyingTimelines;
import org.whistle.dispatch.ticket.Tickets;
import org.whistle.events.TicketId;
import org.whistle.events.TimelineCheckpoint;
import org.whistle.events.Topics;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;
import org.whistle.security.personaldata.AccessDecisions;

/** A ticket's timeline checked against its anchors in Kafka, and the public key that signs the checkpoints. */
@RestController
@RequestMapping("/api/tickets")
@Tag(name = "timeline anchors", description = "Verification of timelines against anchors outside the database")
class AnchorController {

    private final Tickets tickets;
    private final TicketAccess access;
    private final VerifyingTimelines verifying;
    private final AnchorKeys keys;
    private final AccessDecisions decisions;

    AnchorController(
            Tickets tickets,
            TicketAccess access,
            VerifyingTimelines verifying,
            AnchorKeys keys,
            AccessDecisions decisions) {
        this.tickets = tickets;
        this.access = access;
        this.verifying = verifying;
        this.keys = keys;
        this.decisions = decisions;
    }

    @GetMapping("/{id}/anchors")
    @Operation(
            summary = "The timeline compared with its anchors read back from Kafka; names the first entry that differs")
    AnchorVerification verify(@PathVariable UUID id, Caller caller) {
        var stored = tickets.find(new TicketId(id)).orElse(null);
        if (stored == null) {
            access.noSuchTicket(caller, id, "verify the timeline of");
            throw new NotFoundException("ticket", id.toString());
        }
        var rule = access.requireAuditor(caller, stored, "verify the timeline of");
        decisions.about("ticket", id, "verify the timeline of").by(caller).allowed(rule);
        return verifying.verify(stored);
    }

    /** What anyone needs to verify a checkpoint on its own: the algorithm, the key and where checkpoints are. */
    record AnchorKeyView(
            String algorithm,
            String keyId,
            String publicKey,
            Map<String, String> trustedKeys,
            String topic,
            String format) {}

    @GetMapping("/anchor-key")
    @Operation(summary = "The public key that signs timeline checkpoints, and the earlier keys still trusted")
    AnchorKeyView anchorKey(Caller caller) {
        decisions.about("anchor-key", keys.keyId(), "read").by(caller).allowed("any-signed-in-caller");
        return new AnchorKeyView(
                "Ed25519",
                keys.keyId(),
                keys.publicKey(),
                keys.trustedKeys(),
                Topics.TIMELINE_CHECKPOINTS,
                TimelineCheckpoint.FORMAT);
    }
}
