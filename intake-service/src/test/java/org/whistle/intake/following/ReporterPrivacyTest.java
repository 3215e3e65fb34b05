package org.whistle.intake.following;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.whistle.events.Actor;
import org.whistle.events.CommandLevel;
import org.whistle.events.EventData;
import org.whistle.events.EventEnvelope;
import org.whistle.events.TaskState;
import org.whistle.events.TicketId;
import org.whistle.events.TicketState;
import org.whistle.events.Topics;
import org.whistle.events.TraceIds;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleId;
import org.whistle.events.WhistleRaised;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;
import org.whistle.events.kafka.EnvelopeSerializer;
import org.whistle.intake.support.DemoCity;
import org.whistle.intake.support.IntakeTest;
import org.whistle.testing.AccessLogCapture;
import org.whistle.testing.TestInfrastructure;
import org.whistle.testing.TestIssuer;
import tools.jackson.databind.JsonNode;

/**
 * The reporter's number is shown in full only to those who must call them (ContactDisclosurePolicy), masked to
 * everyone else who may see the whistle, never on the bus, and every decision is in the access-decision log.
 */
class ReporterPrivacyTest extends IntakeTest {

    private static final String PHONE = "13800000042";
    private static final String WRITTEN_PHONE = "13912340000";
    private static final String CENTRE = "QQ-230225100-ZHZX";
    private static final String UNIT = "QQ-230225-ZJJ-LZG";

    private final TicketId ticket = TicketId.newId();

    @RegisterExtension
    final AccessLogCapture log = AccessLogCapture.perTest();

    private record Raised(String id, String code, String description) {}

    private Raised raise() {
        var description = "路面塌陷 " + UUID.randomUUID() + "，请回电 " + WRITTEN_PHONE;
        var body = postJson("/api/whistles", whistle(description), device()).json();
        return new Raised(body.get("id").asString(), body.get("trackingCode").asString(), description);
    }

    @Test
    void showsTheNumberInFullToTheStreetCentreBeforeFilingAndMaskedToTheDistrict() {
        var raised = raise();

        var street = page(raised, token("gn.street.a", "STREET_DISPATCHER", DemoCity.P1_STREET, CENTRE));
        var district = page(raised, token("gn.district.a", "DISTRICT_DISPATCHER", "230225", null));

        assertThat(phoneOf(street)).isEqualTo(PHONE);
        assertThat(street.get("description").asString()).contains(WRITTEN_PHONE);
        assertThat(phoneOf(district)).isNull();
        assertThat(district.get("reporter").get("maskedPhone").asString()).isEqualTo("138****0042");
        assertThat(district.get("description").asString())
                .doesNotContain(WRITTEN_PHONE)
                .contains("139****0000");
        assertThat(decision(raised, "gn.street.a")
                        .get("disclosed")
                        .get("reporter.phone")
                        .asString())
                .isEqualTo("FULL");
        assertThat(decision(raised, "gn.street.a").get("rule").asString()).isEqualTo("staff-in-scope:owning-centre");
        assertThat(decision(raised, "gn.district.a")
                        .get("disclosed")
                        .get("reporter.phone")
                        .asString())
                .isEqualTo("MASKED");
        assertThat(decision(raised, "gn.district.a").get("rule").asString()).isEqualTo("staff-in-scope:other");
    }

    @Test
    void showsTheNumberToTheSummonedUnitsOfficerUntilTheirTaskIsDone() {
        var raised = raise();
        publish(2, routed(raised.id(), TaskState.SUMMONED));
        var officer = token("gn.lzg.officer", "DEPARTMENT_OFFICER", "230225", UNIT);
        var leader = token("gn.lzg.leader", "DEPARTMENT_LEADER", "230225", UNIT);
        var otherUnit = token("gn.sw.officer", "DEPARTMENT_OFFICER", "230225", "QQ-230225-SWJ");
        var cityLeader = token("qq.leader", "LEADER", "230200", null);
        await().atMost(PATIENCE).until(() -> phoneOf(page(raised, officer)) != null);

        assertThat(phoneOf(page(raised, leader))).isNull();
        assertThat(get("/api/whistles/" + raised.id(), bearer(otherUnit)).status())
                .as("a department the ticket does not summon does not see the whistle at all")
                .isEqualTo(404);
        assertThat(phoneOf(page(raised, cityLeader))).isNull();

        publish(3, done(raised.id()));
        await().atMost(PATIENCE).until(() -> phoneOf(page(raised, officer)) == null);
        assertThat(page(raised, officer).get("reporter").get("maskedPhone").asString())
                .isEqualTo("138****0042");
    }

    @Test
    void showsTheReporterTheirOwnNumberAndHidesTheWhistleFromOthers() {
        var raised = raise();

        var own = get("/api/whistles/" + raised.id(), h -> {
            h.set("X-Tracking-Code", raised.code());
            h.set("X-Reporter-Phone", PHONE);
            h.set("X-Request-Id", "console-" + raised.id());
        });
        var stranger = get("/api/whistles/" + raised.id(), bearer(residentToken("ls.resident.stranger")));
        var tracked = get("/api/whistles/track?code=" + raised.code() + "&phone=13900000001");

        assertThat(phoneOf(own.json())).isEqualTo(PHONE);
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(tracked.status()).isEqualTo(404);
        var entries = log.about("whistle", raised.id());
        assertThat(entries)
                .extracting(
                        e -> e.get("who").get("subject").asString(),
                        e -> e.get("outcome").asString(),
                        e -> e.get("rule").asString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("anonymous", "ALLOWED", "reporter-tracking-code:self"),
                        org.assertj.core.groups.Tuple.tuple(
                                "ls.resident.stranger", "HIDDEN", "neither-reporter-nor-staff-in-scope"),
                        org.assertj.core.groups.Tuple.tuple(
                                "anonymous", "HIDDEN", "tracking-code-without-the-reporters-phone"));
        assertThat(entries.getFirst().get("requestId").asString()).isEqualTo("console-" + raised.id());
        assertThat(entries.get(2).get("action").asString()).isEqualTo("track");
        assertNoPersonalDataLogged(raised);
    }

    @Test
    void recordsWhoMayRateAndWhoMayNot() {
        var raised = raise();

        var staff = postJson(
                "/api/whistles/" + raised.id() + "/feedback",
                Map.of("rating", "SATISFIED", "resolved", true),
                bearer(token("gn.community.rater", "COMMUNITY_STAFF", DemoCity.P1_STREET, null)));
        var stranger = postJson(
                "/api/whistles/" + raised.id() + "/feedback",
                Map.of("rating", "SATISFIED", "resolved", true),
                bearer(residentToken("ls.resident.rater")));
        var reporter = postJson(
                "/api/whistles/" + raised.id() + "/feedback",
                Map.of("rating", "SATISFIED", "resolved", true, "trackingCode", raised.code(), "phone", PHONE));

        assertThat(staff.status()).isEqualTo(403);
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(reporter.status()).as("not yet resolved").isEqualTo(409);
        assertThat(log.about("whistle", raised.id()))
                .extracting(e -> e.get("action").asString() + " "
                        + e.get("outcome").asString() + " " + e.get("rule").asString())
                .containsExactly(
                        "rate DENIED only-the-reporter-or-a-command-centre-rates",
                        "rate HIDDEN neither-reporter-nor-staff-in-scope",
                        "rate ALLOWED reporter-tracking-code");
        assertNoPersonalDataLogged(raised);
    }

    @Test
    void putsOnlyMaskedNumbersOnTheBus() {
        var raised = raise();

        var event =
                (WhistleRaised) published(Topics.WHISTLE_RAISED, raised.id()).data();

        assertThat(event.description()).doesNotContain(WRITTEN_PHONE).contains("139****0000");
        assertThat(event.reporter().maskedPhone()).isEqualTo("138****0042");
        assertThat(outboxedMentioning(WRITTEN_PHONE)).isZero();
        assertThat(outboxedMentioning(PHONE)).isZero();
    }

    @Test
    void showsAnyoneNearbyNeitherTheDescriptionNorTheAddressNorAnyNumber() {
        var raised = raise();

        var nearby = get("/api/whistles/nearby?lat=47.9218&lng=123.5046&crs=WGS84&category=MUNICIPAL-ROAD-DAMAGE");

        assertThat(nearby.status()).isEqualTo(200);
        assertThat(nearby.json().get("whistles").findValuesAsString("id")).contains(raised.id());
        assertThat(nearby.body())
                .doesNotContain(raised.description().substring(5, 41))
                .doesNotContain("description")
                .doesNotContain("address")
                .doesNotContain(WRITTEN_PHONE)
                .doesNotContain("139****0000")
                .doesNotContain("138****0042");
    }

    private JsonNode decision(Raised raised, String subject) {
        var entries = log.by(subject).stream()
                .filter(e -> raised.id().equals(e.get("resourceId").asString()))
                .toList();
        assertThat(entries).hasSize(1);
        return entries.getFirst();
    }

    private void assertNoPersonalDataLogged(Raised raised) {
        assertThat(log.lines())
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line)
                        .doesNotContain(PHONE)
                        .doesNotContain("0042")
                        .doesNotContain(WRITTEN_PHONE)
                        .doesNotContain(raised.code())
                        .doesNotContain("路面塌陷"));
    }

    private JsonNode page(Raised raised, String token) {
        var response = get("/api/whistles/" + raised.id(), bearer(token));
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static @Nullable String phoneOf(JsonNode page) {
        var phone = page.get("reporter").get("phone");
        return phone == null || phone.isNull() ? null : phone.asString();
    }

    private static String token(String subject, String role, String scope, @Nullable String unit) {
        return TestIssuer.get().token(subject, List.of(role), List.of(scope), unit);
    }

    private WhistleRouted routed(String id, TaskState task) {
        return new WhistleRouted(
                WhistleId.of(id),
                ticket,
                "QQHR-20260521-000001",
                WhistleRouted.Action.SUMMONED,
                TicketState.DISPATCHED,
                CommandLevel.STREET,
                CENTRE,
                "MUNICIPAL-ROAD-DAMAGE",
                Urgency.NORMAL,
                List.of(new WhistleRouted.Summons(UNIT, true, task)),
                null,
                null,
                new Actor("gn.street.sunhongwei", CENTRE, "STREET_DISPATCHER"),
                Instant.now(),
                null);
    }

    private WhistleReported done(String id) {
        return new WhistleReported(
                WhistleId.of(id),
                ticket,
                UNIT,
                WhistleReported.Report.DONE,
                TaskState.DONE,
                true,
                TicketState.RESOLVED,
                "已修复",
                List.of(),
                new Actor("gn.lzg.officer", UNIT, "DEPARTMENT_OFFICER"),
                Instant.now());
    }

    private static void publish(long revision, EventData data) {
        var envelope = EventEnvelope.wrap(data, revision, "dispatch-service", TraceIds.newTraceId(), Clock.systemUTC());
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(),
                new EnvelopeSerializer())) {
            producer.send(new ProducerRecord<>(envelope.topic(), envelope.key(), envelope));
        }
    }
}
