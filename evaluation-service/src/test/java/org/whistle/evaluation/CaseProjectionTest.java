package org.whistle.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.whistle.events.Actor;
import org.whistle.events.ClockKind;
import org.whistle.events.Rating;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleReported;

/** A case is folded from its events whatever their order, and a duplicate changes nothing. */
class CaseProjectionTest extends EvaluationServiceTest {

    @Test
    void foldsACaseHandledLateByItsResolveClockWhateverTheOrderAndDuplicates() {
        var t = day(LocalDate.of(2025, 3, 3));
        var due = t.plus(Duration.ofDays(7));
        var late = newCase("T-PROJ-1")
                .raised(t, null)
                .filed(t.plusSeconds(600))
                .summoned(t.plusSeconds(1200), WATER)
                .reported(t.plusSeconds(1800), WATER, WhistleReported.Report.REPORTED_IN)
                .reported(t.plusSeconds(2000), WATER, WhistleReported.Report.CONTACTED_REPORTER)
                .clock(WhistleEscalated.Kind.WARNING, ClockKind.RESOLVE, null, due, due.minus(Duration.ofHours(30)))
                .clock(WhistleEscalated.Kind.ESCALATION, ClockKind.RESOLVE, null, due, due)
                .reported(due.plus(Duration.ofHours(3)), WATER, WhistleReported.Report.DONE)
                .closed(due.plus(Duration.ofHours(20)), WhistleClosed.Outcome.RESOLVED)
                .feedback(due.plus(Duration.ofHours(19)), Rating.SATISFIED, true, null)
                .feedback(due.plus(Duration.ofHours(19)).plusSeconds(5), Rating.DISSATISFIED, false, null);
        var shuffled = new ArrayList<>(late.events());
        Collections.reverse(shuffled);
        shuffled.forEach(EvaluationServiceTest::publish);
        publish(late.events().get(3)); // a duplicate delivery
        awaitFolded(late, late.events().size());

        var row = jdbc.sql("SELECT * FROM eval_case WHERE whistle_id = :id")
                .param("id", late.id())
                .query()
                .singleRow();
        assertThat(row)
                .containsEntry("ticket_number", "T-PROJ-1")
                .containsEntry("area_id", "G1")
                .containsEntry("lead_unit_id", WATER)
                .containsEntry("handled_late", true)
                .containsEntry("due_source", "SLA")
                .containsEntry("deciding_clock_id", late.id() + ":RESOLVE:-:1")
                .containsEntry("closed_on_time", false)
                .containsEntry("responded_on_time", true)
                .containsEntry("followed_up", true)
                .containsEntry("answer_rating", "SATISFIED")
                .containsEntry("answers_ignored", 1)
                .containsEntry("outcome", "RESOLVED")
                .containsEntry("count_date", java.sql.Date.valueOf(LocalDate.of(2025, 3, 10)));
        var unit = jdbc.sql("SELECT * FROM eval_case_unit WHERE whistle_id = :id")
                .param("id", late.id())
                .query()
                .singleRow();
        assertThat(unit).containsEntry("unit_id", WATER).containsEntry("report_in_late", false);
        assertThat(Map.of("lead", unit.get("lead"))).containsEntry("lead", true);
    }

    @Test
    void aHandlingExpiryNamingTheLeadAsSlaServiceNamesItMakesTheCaseLate() {
        var t = day(LocalDate.of(2025, 3, 5));
        var due = t.plus(Duration.ofDays(7));
        var late = newCase("T-PROJ-3")
                .raised(t, null)
                .filed(t.plusSeconds(600))
                .summoned(t.plusSeconds(1200), WATER)
                .reported(t.plusSeconds(1800), WATER, WhistleReported.Report.REPORTED_IN)
                // sla-service names the lead as the late unit of a resolve clock (TicketClocks.lateUnit)
                .clock(WhistleEscalated.Kind.WARNING, ClockKind.RESOLVE, WATER, due, due.minus(Duration.ofHours(30)))
                .clock(WhistleEscalated.Kind.ESCALATION, ClockKind.RESOLVE, WATER, due, due)
                .reported(due.plus(Duration.ofHours(3)), WATER, WhistleReported.Report.DONE);
        publishAll(late);

        var row = jdbc.sql("SELECT * FROM eval_case WHERE whistle_id = :id")
                .param("id", late.id())
                .query()
                .singleRow();
        assertThat(row)
                .containsEntry("handled_late", true)
                .containsEntry("due_source", "SLA")
                .containsEntry("deciding_clock_id", late.id() + ":RESOLVE:-:1")
                .containsEntry("count_date", java.sql.Date.valueOf(LocalDate.of(2025, 3, 12)));
    }

    @Test
    void foldsGeneratedHistoryLikeLiveEvents() {
        var t = day(LocalDate.of(2025, 3, 6));
        var c = newCase("T-PROJ-4")
                .raised(t, null)
                .filed(t.plusSeconds(60))
                .summoned(t.plusSeconds(120), ROAD)
                .reported(t.plusSeconds(600), ROAD, WhistleReported.Report.DONE);
        c.events().forEach(event -> publish(event.asHistory()));
        awaitFolded(c, c.events().size());

        assertThat(jdbc.sql("SELECT lead_unit_id FROM eval_case WHERE whistle_id = :id")
                        .param("id", c.id())
                        .query(String.class)
                        .single())
                .isEqualTo(ROAD);
    }

    @Test
    void aCentreMayRecordAPhoneAnswerButNoOneElseMay() {
        var t = day(LocalDate.of(2025, 3, 4));
        var c = newCase("T-PROJ-2")
                .raised(t, null)
                .filed(t.plusSeconds(60))
                .summoned(t.plusSeconds(120), ROAD)
                .reported(t.plusSeconds(600), ROAD, WhistleReported.Report.DONE)
                .feedback(
                        t.plusSeconds(900),
                        Rating.DISSATISFIED,
                        false,
                        new Actor("officer-9", ROAD, "DEPARTMENT_OFFICER"))
                .feedback(
                        t.plusSeconds(1000),
                        Rating.BASICALLY_SATISFIED,
                        true,
                        new Actor("d-1", STREET_CENTRE, "STREET_DISPATCHER"));
        publishAll(c);

        var row = jdbc.sql("SELECT * FROM eval_case WHERE whistle_id = :id")
                .param("id", c.id())
                .query()
                .singleRow();
        assertThat(row)
                .containsEntry("answer_rating", "BASICALLY_SATISFIED")
                .containsEntry("answer_by_phone", true)
                .containsEntry("answers_ignored", 1)
                .containsEntry("handled_late", false)
                .containsEntry("due_source", "ESTIMATED");
    }
}
