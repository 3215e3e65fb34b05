package org.whistle.sla.clocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.whistle.events.ClockKind;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleRaised;
import org.whistle.events.WhistleRouted;
import org.whistle.sla.clocks.domain.TicketClocks;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Sheets in the stores outlive versions: a sheet written before clocks kept a time budget still runs right. */
class SheetSerdeTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-21T08:00:00Z"));
    private final OrgReferenceDeadlines deadlines =
            new OrgReferenceDeadlines(Tickets.policies(clock), 1, Duration.ofDays(7));
    private final SheetSerde serde = new SheetSerde();

    @Test
    void aSheetFromBeforeTimeBudgetsKeepsItsDeadlinesWhenExtendedPausedAndResumed() {
        var ticket = new Tickets(clock, Tickets.POTHOLE);
        var sheet = TicketClocks.of(ticket.id());
        sheet.routed((WhistleRouted) ticket.summoned("roads-bureau").data(), deadlines);
        var legacy = legacy(sheet);
        var resolve = resolve(legacy);
        assertThat(resolve).isEqualTo(clock.instant().plus(Duration.ofMinutes(120)));

        clock.advance(Duration.ofMinutes(10));
        legacy.routed(
                (WhistleRouted) ticket.extended(
                                ClockKind.RESOLVE, "roads-bureau", Duration.ofMinutes(30), TicketState.DISPATCHED)
                        .data(),
                deadlines);
        assertThat(resolve(legacy)).isEqualTo(resolve.plus(Duration.ofMinutes(30)));

        var paused = legacy(legacy);
        paused.routed(
                (WhistleRouted) ticket.routed(WhistleRouted.Action.SUSPENDED, TicketState.SUSPENDED)
                        .data(),
                deadlines);
        var resumed = legacy(paused);
        clock.advance(Duration.ofMinutes(45));
        resumed.routed(
                (WhistleRouted) ticket.routed(WhistleRouted.Action.RESUMED, TicketState.DISPATCHED)
                        .data(),
                deadlines);
        assertThat(resolve(resumed)).isEqualTo(resolve.plus(Duration.ofMinutes(30 + 45)));
    }

    @Test
    void aFilingClockSurvivesTheRoundTrip() {
        var ticket = new Tickets(clock, Tickets.POTHOLE);
        var sheet = TicketClocks.of(ticket.id());
        sheet.raised((WhistleRaised) ticket.raised().data(), deadlines);

        var read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", sheet));

        assertThat(read.clocks()).singleElement().satisfies(file -> {
            assertThat(file.dueAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
            assertThat(file.calendarId()).isEmpty();
        });
    }

    /** The sheet as the previous version stored it: without the time budget of its clocks. */
    private TicketClocks legacy(TicketClocks sheet) {
        var json = (ObjectNode) JsonMapper.shared().readTree(serde.serializer().serialize("t", sheet));
        json.path("clocks")
                .valueStream()
                .map(ObjectNode.class::cast)
                .forEach(clock -> clock.remove(java.util.List.of(
                        "budgetMillis",
                        "warnBudgetMillis",
                        "consumedMillis",
                        "runningSince",
                        "calendarRevision",
                        "calendarKnown",
                        "extensions")));
        return serde.deserializer().deserialize("t", JsonMapper.shared().writeValueAsBytes(json));
    }

    private static Instant resolve(TicketClocks sheet) {
        return sheet.clocks().stream()
                .filter(clock -> clock.kind() == ClockKind.RESOLVE && clock.outstanding())
                .findFirst()
                .orElseThrow()
                .dueAt();
    }
}
