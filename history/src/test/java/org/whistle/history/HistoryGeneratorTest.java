package org.whistle.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.whistle.events.EventCodec;
import org.whistle.events.EventEnvelope;
import org.whistle.events.Rating;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleRouted;
import tools.jackson.databind.json.JsonMapper;

class HistoryGeneratorTest {

    static final City CITY = City.load(Path.of("../demo/city"));
    static final LocalDate OCTOBER = LocalDate.of(2026, 10, 1);
    static final Instant LATER = Instant.parse("2026-12-07T00:00:00Z");

    static List<PlannedCase> october(long seed) {
        return new HistoryGenerator(CITY, seed).generate(OCTOBER, OCTOBER.plusMonths(1), 2, LATER);
    }

    @Test
    void readsTheDemoCitysStreetsWithTheirGridsAndCentres() {
        assertThat(CITY.streets()).hasSize(9);
        var gannan = CITY.street("230225100");
        assertThat(gannan.name()).isEqualTo("甘南镇");
        assertThat(gannan.centreId()).isEqualTo("QQ-230225100-ZHZX");
        assertThat(gannan.districtCentreId()).isEqualTo("QQ-230225-ZHZX");
        assertThat(gannan.grids()).extracting(City.Grid::code).contains("230225100001001");
    }

    @Test
    void givesTheSameHistoryForTheSameSeedAndAnotherForAnother() {
        var once = october(20);
        var again = october(20);

        assertThat(again).isEqualTo(once);
        assertThat(october(21)).isNotEqualTo(once);
    }

    @Test
    void marksEveryEventAsHistoryInADocumentItsSchemaAccepts() {
        var json = JsonMapper.builder().build();
        var schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        var events = october(20).stream().flatMap(c -> c.events().stream()).toList();
        var byType = new HashMap<org.whistle.events.EventType, com.networknt.schema.Schema>();

        assertThat(events).isNotEmpty().allMatch(EventEnvelope::isHistory);
        for (var event : events) {
            var document = EventCodec.instance().encode(event);
            var schema = byType.computeIfAbsent(
                    event.eventType(),
                    type -> schemas.getSchema(
                            Objects.requireNonNull(EventEnvelope.class.getResourceAsStream(type.schemaResource()))));
            assertThat(schema.validate(json.readTree(document)))
                    .as(event.type() + " " + event.id())
                    .isEmpty();
            assertThat(EventCodec.instance().decode(document)).isEqualTo(event);
        }
    }

    @Test
    void numbersEachProducersEventsOfACaseInTheOrderTheyHappened() {
        for (var planned : october(20)) {
            assertThat(planned.events().stream()
                            .filter(e -> e.producer().equals("dispatch-service"))
                            .findFirst())
                    .as("dispatch stores the raised ticket at revision 1 and publishes from 2")
                    .hasValueSatisfying(e -> assertThat(e.revision()).isEqualTo(2));
            var last = new HashMap<String, EventEnvelope<?>>();
            for (var event : planned.events()) {
                var before = last.put(event.producer(), event);
                if (before != null) {
                    assertThat(event.revision()).isEqualTo(before.revision() + 1);
                    assertThat(event.occurredAt()).isAfterOrEqualTo(before.occurredAt());
                }
            }
        }
    }

    @Test
    void tellsEveryKindOfCaseTheFiguresLookAt() {
        var cases = october(20);

        assertThat(cases).extracting(PlannedCase::fate).contains(PlannedCase.Fate.values());
        assertThat(cases).anyMatch(PlannedCase::handledLate);
        assertThat(cases).anyMatch(c -> c.reworks() > 0);
        assertThat(cases).anyMatch(c -> c.resolveWarned() && !c.handledLate());
        assertThat(cases.stream().flatMap(c -> c.parts().stream())).anyMatch(PlannedCase.Part::reportInLate);
        assertThat(cases.stream().flatMap(c -> c.parts().stream())).anyMatch(p -> p.declinedAt() != null);
        assertThat(cases.stream().map(PlannedCase::answer).filter(Objects::nonNull))
                .extracting(PlannedCase.Answer::rating)
                .contains(Rating.values());
        assertThat(cases.stream().map(PlannedCase::answer).filter(Objects::nonNull))
                .anyMatch(PlannedCase.Answer::byPhone);
        assertThat(cases.stream().flatMap(c -> c.events().stream()))
                .anyMatch(e -> e.data() instanceof WhistleRouted r && r.action() == WhistleRouted.Action.LEVEL_RAISED)
                .anyMatch(e -> e.data() instanceof WhistleEscalated x && x.kind() == WhistleEscalated.Kind.ESCALATION);
    }

    @Test
    void extendsTheHandlingClockOfSomeCasesAtTheLeadsRequest() {
        var extended = october(20).stream().filter(c -> c.extensions() > 0).toList();

        assertThat(extended).isNotEmpty();
        for (var planned : extended) {
            var extension = planned.events().stream()
                    .map(EventEnvelope::data)
                    .filter(d -> d instanceof WhistleRouted r && r.action() == WhistleRouted.Action.EXTENDED)
                    .map(d -> (WhistleRouted) d)
                    .toList();
            assertThat(extension).hasSize(1);
            var granted = java.util.Objects.requireNonNull(extension.getFirst().extension());
            assertThat(granted.clock()).isEqualTo(org.whistle.events.ClockKind.RESOLVE);
            assertThat(granted.unitId())
                    .isEqualTo(java.util.Objects.requireNonNull(planned.lead()).unitId());
            // asked before the first due time; handled after it, within the extended clock, so on time
            var firstDue = planned.resolveDue().minus(granted.extraTime());
            assertThat(extension.getFirst().at()).isBefore(firstDue);
            if (planned.handledAt() != null) {
                assertThat(planned.handledAt()).isAfter(firstDue).isBefore(planned.resolveDue());
                assertThat(planned.handledLate()).isFalse();
            }
        }
    }

    @Test
    void aLateCaseIsOneWhoseHandlingClockExpiredBeforeTheLeadReportedDone() {
        for (var planned : october(20)) {
            var expiry = planned.events().stream()
                    .map(EventEnvelope::data)
                    .filter(d -> d instanceof WhistleEscalated x
                            && x.kind() == WhistleEscalated.Kind.ESCALATION
                            && x.clock() == org.whistle.events.ClockKind.RESOLVE)
                    .map(d -> ((WhistleEscalated) d).firedAt())
                    .findFirst();
            if (planned.handledAt() != null) {
                assertThat(planned.handledLate())
                        .isEqualTo(expiry.isPresent() && !planned.handledAt().isBefore(expiry.get()));
                if (planned.reworks() == 0) {
                    // after a rework the handling clock runs afresh from the reopening
                    assertThat(planned.handledLate())
                            .isEqualTo(planned.handledAt().isAfter(planned.resolveDue()));
                }
            }
        }
    }

    @Test
    void leavesOutWhatWouldHaveHappenedAfterTheInstantItIsAskedAbout() {
        var asOf = Instant.parse("2026-10-10T00:00:00Z");
        var cases = new HistoryGenerator(CITY, 20).generate(OCTOBER, OCTOBER.plusMonths(1), 2, asOf);

        assertThat(cases).allMatch(c -> !c.raisedAt().isAfter(asOf));
        assertThat(cases.stream().flatMap(c -> c.events().stream()))
                .allMatch(e -> !e.occurredAt().isAfter(asOf));
        assertThat(cases).anyMatch(c -> c.closedAt() == null);
    }
}
