package org.whistle.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.dispatch.anchoring.CheckpointingTimelines;
import org.whistle.dispatch.ticket.Tickets;
import org.whistle.dispatch.ticket.domain.TimelineEntry;
import org.whistle.events.Actor;
import org.whistle.events.EventCodec;
import org.whistle.events.TicketId;
import org.whistle.events.TimelineCheckpoint;
import org.whistle.events.Topics;
import org.whistle.events.WhistleRouted;
import org.whistle.testing.TopicReader;

/**
 * The timeline is anchored outside the database: heads in dispatch's events and in signed checkpoints on Kafka, so a
 * timeline rewritten and re-hashed in SQL no longer matches what was anchored (ADR 0016).
 */
class TimelineAnchorsTest extends DispatchServiceTestBase {

    @Autowired
    CheckpointingTimelines checkpointing;

    @Autowired
    Tickets tickets;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void namesTheEntryRewrittenAndReHashedInTheDatabaseThatTheOldChainCheckCallsIntact() {
        var id = raise(roadDamage());
        var ticket = "/api/tickets/" + id;
        var street = streetDispatcherOfGannanTown();
        var roads = officerOf(DemoCity.ROADS_SECTION, DemoCity.GANNAN);
        post(ticket + "/file", street).ok();
        post(ticket + "/summon", street, Map.of("lead", DemoCity.ROADS_SECTION)).ok();
        post(ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/report-in", roads).ok();
        post(
                        ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/progress",
                        roads,
                        Map.of("note", "已到场勘察，需要封路", "evidence", List.of()))
                .ok();
        checkpointEverythingPending();
        await().atMost(PATIENCE)
                .until(() ->
                        get(ticket + "/anchors", street).ok().text("/verdict").equals("INTACT"));

        rewriteAndReHash(id, 2, new Actor("u-somebody-else", DemoCity.GANNAN_TOWN_CENTRE, "STREET_DISPATCHER"));

        assertThat(get(ticket, street).ok().body().at("/chainIntact").asBoolean())
                .as("the table's own chain holds after a re-hash: that is the gap the anchors close")
                .isTrue();
        var verification = get(ticket + "/anchors", street).ok();
        assertThat(verification.text("/verdict")).isEqualTo("DIFFERS");
        assertThat(verification.body().at("/firstDifference/sequence").asLong()).isEqualTo(2);
        assertThat(verification.text("/firstDifference/what")).contains("操作人").contains("u-somebody-else");
        assertThat(verification.text("/summary")).contains("第 2 条");
        assertThat(verification.body().at("/chainIntact").asBoolean()).isTrue();
    }

    @Test
    void namesARewrittenNoteOfAUnitsReport() {
        var id = raise(roadDamage());
        var ticket = "/api/tickets/" + id;
        var street = streetDispatcherOfGannanTown();
        var roads = officerOf(DemoCity.ROADS_SECTION, DemoCity.GANNAN);
        post(ticket + "/file", street).ok();
        post(ticket + "/summon", street, Map.of("lead", DemoCity.ROADS_SECTION)).ok();
        post(ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/report-in", roads).ok();
        post(
                        ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/progress",
                        roads,
                        Map.of("note", "已到场勘察，需要封路", "evidence", List.of()))
                .ok();
        // Only the events anchor it so far: no checkpoint yet.
        await().atMost(PATIENCE)
                .until(() -> get(ticket + "/anchors", street)
                                .ok()
                                .body()
                                .at("/anchoredThrough")
                                .asLong()
                        == 5);

        rewriteNote(id, 5, "一切正常，无需处理");

        var verification = get(ticket + "/anchors", street).ok();
        assertThat(verification.text("/verdict")).isEqualTo("DIFFERS");
        assertThat(verification.body().at("/firstDifference/sequence").asLong()).isEqualTo(5);
        assertThat(verification.text("/firstDifference/what")).contains("备注").contains("已到场勘察");
        assertThat(get(ticket + "/anchors", roads).status())
                .as("verification is for dispatchers and leaders")
                .isEqualTo(403);
    }

    @Test
    void checkpointsOnlyTheChangedHeadsSignedWithThePublishedKeyAndPublishesNothingWhenIdle() throws Exception {
        var whistle = roadDamage();
        var id = raise(whistle);
        var ticket = "/api/tickets/" + id;
        var street = streetDispatcherOfGannanTown();
        var filed = post(ticket + "/file", street).ok();
        var head = filed.text("/timeline/1/hash");

        var made = checkpointEverythingPending();

        var ours = made.stream()
                .flatMap(c -> c.heads().stream())
                .filter(h -> h.ticketId().equals(TicketId.of(id)))
                .toList();
        assertThat(ours).singleElement().satisfies(h -> {
            assertThat(h.sequence()).isEqualTo(2);
            assertThat(h.hash()).isEqualTo(head);
        });
        assertThat(checkpointing.checkpoint())
                .as("nothing changed since: no checkpoint")
                .isEmpty();
        var key = get("/api/tickets/anchor-key", street).ok();
        var publicKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.text("/publicKey"))));
        var number = made.getLast().number();
        var published = TopicReader.readUntil(
                Topics.TIMELINE_CHECKPOINTS,
                records -> records.stream().anyMatch(r -> r.key().endsWith(String.format("%019d", number))),
                PATIENCE);
        var checkpoint = (TimelineCheckpoint) EventCodec.instance()
                .decode(published.stream()
                        .filter(r -> r.key().endsWith(String.format("%019d", number)))
                        .findFirst()
                        .orElseThrow()
                        .value())
                .data();
        assertThat(checkpoint.verifiesWith(publicKey)).isTrue();
        assertThat(checkpoint.keyId()).isEqualTo(key.text("/keyId"));
        var forged = new TimelineCheckpoint(
                checkpoint.producer(),
                checkpoint.number(),
                checkpoint.previousDigest(),
                checkpoint.at(),
                List.of(new TimelineCheckpoint.Head(TicketId.of(id), whistle.whistleId(), 2, "0".repeat(64))),
                checkpoint.merkleRoot(),
                checkpoint.keyId(),
                checkpoint.signature());
        assertThat(forged.verifiesWith(publicKey))
                .as("a changed head breaks the root")
                .isFalse();
        var routed = eventsOn(Topics.WHISTLE_ROUTED, whistle.whistleId(), events -> !events.isEmpty());
        var filedEvent = (WhistleRouted) routed.getFirst().data();
        assertThat(filedEvent.timelineHead()).isNotNull();
        assertThat(filedEvent.timelineHead().sequence()).isEqualTo(2);
        assertThat(filedEvent.timelineHead().hash()).isEqualTo(head);
    }

    /** Checkpoints until no head is pending; the checkpoints this call made. */
    private List<TimelineCheckpoint> checkpointEverythingPending() {
        var made = new ArrayList<TimelineCheckpoint>();
        await().atMost(PATIENCE).until(() -> {
            checkpointing.checkpoint().ifPresent(made::add);
            return jdbc.sql("SELECT count(*) FROM timeline_head_pending")
                            .query(Long.class)
                            .single()
                    == 0;
        });
        return made;
    }

    /** What someone with database access does: changes an entry and re-hashes the chain from there on. */
    private void rewriteAndReHash(String id, long sequence, Actor newActor) {
        rewrite(
                id,
                sequence,
                e -> new TimelineEntry(
                        e.sequence(),
                        e.at(),
                        newActor,
                        e.action(),
                        e.note(),
                        e.evidence(),
                        e.stateBefore(),
                        e.stateAfter(),
                        e.unit(),
                        e.previousHash(),
                        e.hash()));
    }

    private void rewriteNote(String id, long sequence, String note) {
        rewrite(
                id,
                sequence,
                e -> new TimelineEntry(
                        e.sequence(),
                        e.at(),
                        e.actor(),
                        e.action(),
                        note,
                        e.evidence(),
                        e.stateBefore(),
                        e.stateAfter(),
                        e.unit(),
                        e.previousHash(),
                        e.hash()));
    }

    private void rewrite(String id, long sequence, java.util.function.UnaryOperator<TimelineEntry> change) {
        var ticketId = TicketId.of(id);
        var entries = tickets.find(ticketId).orElseThrow().timeline();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("ALTER TABLE ticket_timeline_entry DISABLE TRIGGER ticket_timeline_entry_append_only")
                    .update();
            var previous = entries.get((int) sequence - 2).hash();
            for (var entry : entries.subList((int) sequence - 1, entries.size())) {
                var changed = entry.sequence() == sequence ? change.apply(entry) : entry;
                var linked = new TimelineEntry(
                        changed.sequence(),
                        changed.at(),
                        changed.actor(),
                        changed.action(),
                        changed.note(),
                        changed.evidence(),
                        changed.stateBefore(),
                        changed.stateAfter(),
                        changed.unit(),
                        previous,
                        "");
                var hash = linked.computeHash(ticketId);
                jdbc.sql("""
                                UPDATE ticket_timeline_entry SET actor_user_id = :user, note = :note,
                                    previous_hash = :previous, hash = :hash
                                WHERE ticket_id = :id AND sequence = :sequence
                                """)
                        .param("user", linked.actor().userId())
                        .param("note", linked.note())
                        .param("previous", previous)
                        .param("hash", hash)
                        .param("id", UUID.fromString(id))
                        .param("sequence", linked.sequence())
                        .update();
                previous = hash;
            }
            jdbc.sql("ALTER TABLE ticket_timeline_entry ENABLE TRIGGER ticket_timeline_entry_append_only")
                    .update();
        });
    }

    private static org.whistle.events.WhistleRaised roadDamage() {
        return whistle(DemoCity.ROAD_DAMAGE, DemoCity.FANRONG_GRID_1, DemoCity.GANNAN_TOWN, "路面破损");
    }
}
