package org.whistle.dispatch.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.whistle.dispatch.ticket.domain.TimelineVerifier.Result;
import org.whistle.events.Actor;
import org.whistle.events.EvidenceRef;
import org.whistle.events.TicketId;
import org.whistle.events.TicketState;
import org.whistle.orgreference.domain.routing.UnitCode;

class TimelineVerifierTest {

    private static final Ticket CLOSED = TicketFixtures.inState(TicketState.CLOSED);

    private static List<TimelineEntry> entries() {
        return new ArrayList<>(CLOSED.timeline().entries());
    }

    private static Result verify(List<TimelineEntry> entries) {
        return TimelineVerifier.verify(CLOSED.id(), entries);
    }

    @Test
    void acceptsTheTimelineAsTheTicketWroteIt() {
        assertThat(verify(entries())).isEqualTo(new Result.Intact(8));
        assertThat(CLOSED.timeline().headHash())
                .isEqualTo(entries().getLast().hash())
                .hasSize(64);
    }

    @Test
    void startsTheChainFromSixtyFourZeros() {
        assertThat(entries().getFirst().previousHash()).isEqualTo("0".repeat(64));
        assertThat(entries().get(1).previousHash())
                .isEqualTo(entries().getFirst().hash());
    }

    @Test
    void acceptsAnEmptyTimeline() {
        assertThat(verify(List.of())).isEqualTo(new Result.Intact(0));
    }

    static List<UnaryOperator<TimelineEntry>> alterations() {
        return List.of(
                e -> new TimelineEntry(
                        e.sequence(),
                        e.at().plusSeconds(1),
                        e.actor(),
                        e.action(),
                        e.note(),
                        e.evidence(),
                        e.stateBefore(),
                        e.stateAfter(),
                        e.unit(),
                        e.previousHash(),
                        e.hash()),
                e -> new TimelineEntry(
                        e.sequence(),
                        e.at(),
                        new Actor("u-mallory", null, null),
                        e.action(),
                        e.note(),
                        e.evidence(),
                        e.stateBefore(),
                        e.stateAfter(),
                        e.unit(),
                        e.previousHash(),
                        e.hash()),
                e -> new TimelineEntry(
                        e.sequence(),
                        e.at(),
                        new Actor(e.actor().userId(), e.actor().orgUnitId(), "LEADER"),
                        e.action(),
                        e.note(),
                        e.evidence(),
                        e.stateBefore(),
                        e.stateAfter(),
                        e.unit(),
                        e.previousHash(),
                        e.hash()),
                e -> new TimelineEntry(
                        e.sequence(),
                        e.at(),
                        e.actor(),
                        TicketAction.REJECT,
                        e.note(),
                        e.evidence(),
                        e.stateBefore(),
                        e.stateAfter(),
                        e.unit(),
                        e.previousHash(),
                        e.hash()),
                e -> new TimelineEntry(
                        e.sequence(),
                        e.at(),
                        e.actor(),
                        e.action(),
                        "edited",
                        e.evidence(),
                        e.stateBefore(),
                        e.stateAfter(),
                        e.unit(),
                        e.previousHash(),
                        e.hash()),
                e -> new TimelineEntry(
                        e.sequence(),
                        e.at(),
                        e.actor(),
                        e.action(),
                        e.note(),
                        List.of(new EvidenceRef("m-x", "image/png", "00".repeat(32))),
                        e.stateBefore(),
                        e.stateAfter(),
                        e.unit(),
                        e.previousHash(),
                        e.hash()),
                e -> new TimelineEntry(
                        e.sequence(),
                        e.at(),
                        e.actor(),
                        e.action(),
                        e.note(),
                        e.evidence(),
                        TicketState.SUSPENDED,
                        e.stateAfter(),
                        e.unit(),
                        e.previousHash(),
                        e.hash()),
                e -> new TimelineEntry(
                        e.sequence(),
                        e.at(),
                        e.actor(),
                        e.action(),
                        e.note(),
                        e.evidence(),
                        e.stateBefore(),
                        TicketState.MERGED,
                        e.unit(),
                        e.previousHash(),
                        e.hash()),
                e -> new TimelineEntry(
                        e.sequence(),
                        e.at(),
                        e.actor(),
                        e.action(),
                        e.note(),
                        e.evidence(),
                        e.stateBefore(),
                        e.stateAfter(),
                        UnitCode.of("QQ-OTHER"),
                        e.previousHash(),
                        e.hash()),
                e -> new TimelineEntry(
                        e.sequence(),
                        e.at(),
                        e.actor(),
                        e.action(),
                        e.note(),
                        e.evidence(),
                        e.stateBefore(),
                        e.stateAfter(),
                        e.unit(),
                        "f".repeat(64),
                        e.hash()),
                e -> new TimelineEntry(
                        e.sequence(),
                        e.at(),
                        e.actor(),
                        e.action(),
                        e.note(),
                        e.evidence(),
                        e.stateBefore(),
                        e.stateAfter(),
                        e.unit(),
                        e.previousHash(),
                        "e".repeat(64)));
    }

    @ParameterizedTest
    @MethodSource("alterations")
    void pinsAnAlteredFieldToItsEntry(UnaryOperator<TimelineEntry> alteration) {
        for (int index : List.of(0, 2, 6, 7)) {
            var entries = entries();
            entries.set(index, alteration.apply(entries.get(index)));

            assertThat(verify(entries))
                    .isInstanceOfSatisfying(
                            Result.Broken.class, b -> assertThat(b.sequence()).isEqualTo(index + 1L));
        }
    }

    @Test
    void pinsAnEntryRewrittenWithAFreshHashToTheEntryAfterIt() {
        var entries = entries();
        var forged = entries.get(3);
        var rewritten = new TimelineEntry(
                forged.sequence(),
                forged.at(),
                forged.actor(),
                forged.action(),
                "forged",
                forged.evidence(),
                forged.stateBefore(),
                forged.stateAfter(),
                forged.unit(),
                forged.previousHash(),
                "");
        entries.set(3, rewritten.withHash(rewritten.computeHash(CLOSED.id())));

        assertThat(verify(entries))
                .isInstanceOfSatisfying(
                        Result.Broken.class, b -> assertThat(b.sequence()).isEqualTo(5));
    }

    @Test
    void pinsADeletedEntryToItsSequence() {
        var entries = entries();
        entries.remove(4);

        assertThat(verify(entries))
                .isInstanceOfSatisfying(
                        Result.Broken.class, b -> assertThat(b.sequence()).isEqualTo(5));
    }

    @Test
    void pinsReorderedEntriesToTheFirstMovedOne() {
        var entries = entries();
        var third = entries.get(2);
        entries.set(2, entries.get(3));
        entries.set(3, third);

        assertThat(verify(entries))
                .isInstanceOfSatisfying(
                        Result.Broken.class, b -> assertThat(b.sequence()).isEqualTo(3));
    }

    @Test
    void seesATruncatedTailOnlyAgainstTheRevision() {
        var entries = entries();
        entries.removeLast();

        assertThat(verify(entries)).isInstanceOf(Result.Intact.class);
        assertThat(TimelineVerifier.verify(CLOSED.id(), entries, CLOSED.revision()))
                .isInstanceOfSatisfying(
                        Result.Broken.class, b -> assertThat(b.sequence()).isEqualTo(8));
    }

    @Test
    void refusesEntriesMovedToAnotherTicketsChain() {
        assertThat(TimelineVerifier.verify(new TicketId(UUID.randomUUID()), entries()))
                .isInstanceOfSatisfying(
                        Result.Broken.class, b -> assertThat(b.sequence()).isEqualTo(1));
    }

    @Test
    void documentsItsCanonicalFormWithLengthPrefixesAndAbsentMarkers() {
        var entry = TimelineEntry.next(
                new TicketId(UUID.fromString("00000000-0000-0000-0000-000000000001")),
                1,
                Instant.parse("2026-11-27T00:00:00.123456789Z"),
                new Actor("u-1", null, "RESIDENT"),
                TicketAction.RAISE,
                "路面",
                List.of(),
                null,
                TicketState.RAISED,
                null,
                TimelineEntry.GENESIS);

        assertThat(entry.at()).isEqualTo(Instant.parse("2026-11-27T00:00:00.123456Z"));
        assertThat(entry.canonicalForm(new TicketId(UUID.fromString("00000000-0000-0000-0000-000000000001"))))
                .isEqualTo("""
                        whistle-timeline/1
                        ticket=36:00000000-0000-0000-0000-000000000001
                        sequence=1:1
                        at=27:2026-11-27T00:00:00.123456Z
                        actor.userId=3:u-1
                        actor.orgUnitId=-
                        actor.role=8:RESIDENT
                        action=5:RAISE
                        note=6:路面
                        evidence=1:0
                        stateBefore=-
                        stateAfter=6:RAISED
                        unit=-
                        previousHash=64:%s
                        """.formatted("0".repeat(64)));
        assertThat(entry.hash()).matches("[0-9a-f]{64}");
    }
}
