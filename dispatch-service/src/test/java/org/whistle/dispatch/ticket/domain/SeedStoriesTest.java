package org.whistle.dispatch.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.REOPEN_WITHIN_30_DAYS;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.whistle.events.Actor;
import org.whistle.events.CommandLevel;
import org.whistle.events.EvidenceRef;
import org.whistle.events.TaskState;
import org.whistle.events.TicketId;
import org.whistle.events.TicketState;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleClosed.Outcome;
import org.whistle.events.WhistleId;
import org.whistle.events.WhistleReported.Report;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.routing.UnitCode;

/** The three stories of the seed article, told through the aggregate. */
class SeedStoriesTest {

    /** 5月21日, 08:30 in 甘南县. */
    private static final Instant MAY_21_0830 = Instant.parse("2020-05-21T00:30:00Z");

    private static final UnitCode GANNAN_TOWN_CENTRE = UnitCode.of("QQ-230225-GNZ-ZHZX");
    private static final UnitCode GANNAN_COUNTY_CENTRE = UnitCode.of("QQ-230225-ZHZX");
    private static final UnitCode ROADS_SECTION = UnitCode.of("QQ-230225-ZJJ-LZG");

    private static Instant minutes(Instant from, int minutes) {
        return from.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void repairsTheDamagedRoadInGannanWithinTwoHoursOfTheWhistle() {
        var liShuxia = new Actor("u-lishuxia", "QQ-230225-GNZ-FRSQ-G01", "GRID_WORKER");
        var dispatcher = new Actor("u-gnz-duty", GANNAN_TOWN_CENTRE.value(), "STREET_DISPATCHER");
        var huangJiye = new Actor("u-huangjiye", ROADS_SECTION.value(), "DEPARTMENT_LEADER");
        var video = new EvidenceRef("m-road-before", "video/mp4", "1f".repeat(32));
        var photo = new EvidenceRef("m-road-after", "image/jpeg", "2e".repeat(32));

        var ticket = Ticket.raise(
                new TicketId(UUID.randomUUID()),
                new WhistleId(UUID.randomUUID()),
                TicketNumber.issue("QQHR", MAY_21_0830, 123),
                CategoryCode.of("ROAD-DAMAGE"),
                Urgency.URGENT,
                GANNAN_TOWN_CENTRE,
                GANNAN_COUNTY_CENTRE,
                liShuxia,
                MAY_21_0830);
        ticket.file(dispatcher, minutes(MAY_21_0830, 3));
        ticket.summon(ROADS_SECTION, List.of(ROADS_SECTION), dispatcher, minutes(MAY_21_0830, 5));
        ticket.reportIn(ROADS_SECTION, huangJiye, minutes(MAY_21_0830, 15));
        ticket.onSite(ROADS_SECTION, huangJiye, minutes(MAY_21_0830, 40));
        ticket.progress(ROADS_SECTION, "crew and roller on site", List.of(video), huangJiye, minutes(MAY_21_0830, 45));
        ticket.done(ROADS_SECTION, "road surface repaired", List.of(photo), huangJiye, minutes(MAY_21_0830, 110));
        ticket.verify(dispatcher, minutes(MAY_21_0830, 130));
        ticket.close(Outcome.RESOLVED, dispatcher, minutes(MAY_21_0830, 180));

        assertThat(ticket.number().format()).isEqualTo("QQHR-20200521-000123");
        assertThat(ticket.state()).isEqualTo(TicketState.CLOSED);
        assertThat(ticket.outcome()).contains(Outcome.RESOLVED);
        assertThat(ticket.level()).isEqualTo(CommandLevel.STREET);
        assertThat(ticket.supervisionOrders()).isEmpty();
        var task = ticket.task(ROADS_SECTION).orElseThrow();
        assertThat(task.lead()).isTrue();
        assertThat(Duration.between(task.summonedAt(), task.reportedInAt().orElseThrow()))
                .isLessThan(Duration.ofMinutes(30));
        assertThat(Duration.between(MAY_21_0830, ticket.resolvedAt().orElseThrow()))
                .isLessThan(Duration.ofHours(2));
        assertThat(ticket.timeline().entries())
                .extracting(TimelineEntry::action)
                .containsExactly(
                        TicketAction.RAISE,
                        TicketAction.FILE,
                        TicketAction.SUMMON,
                        TicketAction.REPORT_IN,
                        TicketAction.ON_SITE,
                        TicketAction.PROGRESS,
                        TicketAction.DONE,
                        TicketAction.VERIFY_PASS,
                        TicketAction.CLOSE);
        assertThat(ticket.timeline().entries())
                .filteredOn(e -> e.action() == TicketAction.DONE)
                .singleElement()
                .satisfies(e -> assertThat(e.evidence()).containsExactly(photo));
        assertThat(TimelineVerifier.verify(ticket.id(), ticket.timeline().entries(), ticket.revision()))
                .isEqualTo(new TimelineVerifier.Result.Intact(9));
    }

    private static final UnitCode LONGSHA_DISTRICT_CENTRE = UnitCode.of("QQ-230202-ZHZX");
    private static final UnitCode PROPERTY_COMPANY = UnitCode.of("QQ-230202-YQXQ-WY");
    private static final UnitCode DISTRICT_URBAN_MANAGEMENT = UnitCode.of("QQ-230202-CGJ");
    private static final UnitCode FIRE_BRIGADE = UnitCode.of("QQ-230202-XFJY");

    private static Ticket bikeShedsSummoned(Instant at) {
        var resident = new Actor("u-resident-42", null, "RESIDENT");
        var ticket = Ticket.raise(
                new TicketId(UUID.randomUUID()),
                new WhistleId(UUID.randomUUID()),
                TicketNumber.issue("QQHR", at, 57),
                CategoryCode.of("ILLEGAL-STRUCTURE"),
                Urgency.NORMAL,
                null,
                LONGSHA_DISTRICT_CENTRE,
                resident,
                at);
        var districtDispatcher = new Actor("u-ls-duty", LONGSHA_DISTRICT_CENTRE.value(), "DISTRICT_DISPATCHER");
        ticket.file(districtDispatcher, minutes(at, 20));
        ticket.summon(
                PROPERTY_COMPANY,
                List.of(PROPERTY_COMPANY, DISTRICT_URBAN_MANAGEMENT, FIRE_BRIGADE),
                districtDispatcher,
                minutes(at, 30));
        return ticket;
    }

    private static Actor staffOf(UnitCode unit) {
        return new Actor("u-" + unit.value(), unit.value(), "DEPARTMENT_OFFICER");
    }

    @Test
    void clearsTheOldBikeShedsOfYongqingWithThreeUnitsUnderOneSummons() {
        var at = Instant.parse("2020-05-25T02:00:00Z");
        var ticket = bikeShedsSummoned(at);

        assertThat(ticket.level()).isEqualTo(CommandLevel.DISTRICT);
        assertThat(ticket.tasks()).hasSize(3);
        assertThat(ticket.state()).isEqualTo(TicketState.DISPATCHED);

        ticket.reportIn(DISTRICT_URBAN_MANAGEMENT, staffOf(DISTRICT_URBAN_MANAGEMENT), minutes(at, 50));
        assertThat(ticket.state()).isEqualTo(TicketState.IN_PROGRESS);

        ticket.reportIn(FIRE_BRIGADE, staffOf(FIRE_BRIGADE), minutes(at, 70));
        ticket.reportIn(PROPERTY_COMPANY, staffOf(PROPERTY_COMPANY), minutes(at, 90));
        assertThat(ticket.tasks()).allSatisfy(t -> assertThat(t.state()).isEqualTo(TaskState.REPORTED_IN));

        var sheds = new EvidenceRef("m-sheds-gone", "image/jpeg", "3d".repeat(32));
        ticket.done(
                DISTRICT_URBAN_MANAGEMENT,
                "three sheds demolished",
                List.of(sheds),
                staffOf(DISTRICT_URBAN_MANAGEMENT),
                minutes(at, 3000));
        ticket.done(FIRE_BRIGADE, "fire lane clear", List.of(), staffOf(FIRE_BRIGADE), minutes(at, 3100));
        assertThat(ticket.state()).isEqualTo(TicketState.IN_PROGRESS);

        ticket.done(
                PROPERTY_COMPANY,
                "1000 m² cleared for the square",
                List.of(sheds),
                staffOf(PROPERTY_COMPANY),
                minutes(at, 3200));
        assertThat(ticket.state()).isEqualTo(TicketState.RESOLVED);

        var reports = ticket.events().stream()
                .filter(TicketEvent.UnitReported.class::isInstance)
                .map(TicketEvent.UnitReported.class::cast)
                .toList();
        assertThat(reports).filteredOn(r -> r.report() == Report.REPORTED_IN).hasSize(3);
        assertThat(reports.getLast().lead()).isTrue();
        assertThat(reports.getLast().change().after()).isEqualTo(TicketState.RESOLVED);
    }

    @Test
    void reworksAClosedTicketWhenTheReporterSaysItIsNotFixedAndCountsItAgainstTheLead() {
        var at = Instant.parse("2020-05-25T02:00:00Z");
        var ticket = bikeShedsSummoned(at);
        var dispatcher = new Actor("u-ls-duty", LONGSHA_DISTRICT_CENTRE.value(), "DISTRICT_DISPATCHER");
        var evidence = List.of(new EvidenceRef("m-1", "image/jpeg", "4c".repeat(32)));
        ticket.reportIn(PROPERTY_COMPANY, staffOf(PROPERTY_COMPANY), minutes(at, 40));
        ticket.done(PROPERTY_COMPANY, "sheds gone", evidence, staffOf(PROPERTY_COMPANY), minutes(at, 600));
        ticket.verify(dispatcher, minutes(at, 700));
        ticket.close(Outcome.RESOLVED, dispatcher, minutes(at, 800));
        var levelBefore = ticket.level();

        ticket.reopen(
                "不满意: one shed is still standing",
                REOPEN_WITHIN_30_DAYS,
                Actor.system("intake-service"),
                minutes(at, 5000));

        assertThat(ticket.state()).isEqualTo(TicketState.IN_PROGRESS);
        assertThat(ticket.level()).isEqualTo(levelBefore);
        assertThat(ticket.owningCentre()).isEqualTo(LONGSHA_DISTRICT_CENTRE);
        assertThat(ticket.reopenCount()).isEqualTo(1);
        var lead = ticket.task(PROPERTY_COMPANY).orElseThrow();
        assertThat(lead.state()).isEqualTo(TaskState.REPORTED_IN);
        assertThat(lead.reworkCount()).isEqualTo(1);
        assertThat(ticket.task(FIRE_BRIGADE).orElseThrow().reworkCount()).isZero();
        assertThat(ticket.events().getLast()).isInstanceOfSatisfying(TicketEvent.Reopened.class, e -> {
            assertThat(e.lead()).isEqualTo(PROPERTY_COMPANY);
            assertThat(e.change().before()).isEqualTo(TicketState.CLOSED);
        });

        ticket.done(PROPERTY_COMPANY, "last shed removed", evidence, staffOf(PROPERTY_COMPANY), minutes(at, 6000));
        assertThat(ticket.state()).isEqualTo(TicketState.RESOLVED);
    }
}
