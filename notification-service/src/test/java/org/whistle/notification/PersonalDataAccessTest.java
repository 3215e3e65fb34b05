package org.whistle.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleRouted;
import org.whistle.security.personaldata.PersonalData;
import org.whistle.testing.AccessLogCapture;

/**
 * What was sent to people is shown only as far as the caller may see the people, and every decision to show or
 * refuse it — and every hand-over of a reporter's address to a provider — is in the access-decision log.
 */
class PersonalDataAccessTest extends NotificationServiceTest {

    @RegisterExtension
    final AccessLogCapture log = AccessLogCapture.perTest();

    @Test
    void showsAReporterAccountInFullToTheOwningCentreOnlyAndRecordsWhoLooked() throws Exception {
        var whistle = raise(userReporter("ls.resident.zhangguilan"));
        var filed = routed(whistle, WhistleRouted.Action.FILED, TicketState.FILED);
        publish(filed);
        settledDeliveries(filed);
        var path = "/api/notifications/deliveries?whistleId=" + whistle.id();
        var ownStreet = token("dispatcher-s1", List.of("STREET_DISPATCHER"), List.of("S1"), STREET_CENTRE);
        var district = token("dispatcher-d", List.of("DISTRICT_DISPATCHER"), List.of("D"), DISTRICT_CENTRE);
        var otherStreet = token("dispatcher-s2", List.of("STREET_DISPATCHER"), List.of("S2"), OTHER_STREET_CENTRE);

        assertThat(recipients(get(path, ownStreet))).contains("user:ls.resident.zhangguilan");
        assertThat(recipients(get(path, administrator())))
                .doesNotContain("user:ls.resident.zhangguilan")
                .contains("user:" + PersonalData.name("ls.resident.zhangguilan"));
        assertThat(recipients(get(path, district))).doesNotContain("user:ls.resident.zhangguilan");
        assertStatus(get(path, otherStreet), 403);
        assertThat(anonymous(path)).isEqualTo(401);

        assertThat(log.about("deliveries", whistle.id().toString()))
                .extracting(e -> e.get("who").get("subject").asString() + " "
                        + e.get("outcome").asString() + " " + e.get("rule").asString() + " " + e.get("disclosed"))
                .containsExactly(
                        "dispatcher-s1 ALLOWED dispatcher-covering-owning-centre {\"reporter.account\":\"FULL\"}",
                        "admin-1 ALLOWED administrator {\"reporter.account\":\"MASKED\"}",
                        "dispatcher-d ALLOWED dispatcher-covering-owning-centre {\"reporter.account\":\"MASKED\"}",
                        "dispatcher-s2 DENIED administrator-or-owning-centre-dispatcher {}",
                        "anonymous DENIED token-required {}");
        assertThat(log.lines()).allSatisfy(line -> assertThat(line).doesNotContain("zhangguilan"));
    }

    @Test
    void recordsEveryHandOverOfAReportersNumberToAProvider() throws Exception {
        var whistle = raise(phoneReporter());
        var filed = routed(whistle, WhistleRouted.Action.FILED, TicketState.FILED);
        publish(filed);

        var sms = settledDeliveries(filed).stream()
                .filter(row -> row.channel().equals("SMS"))
                .toList();

        assertThat(sms).hasSize(1);
        var handed = log.about("reporter-contact", whistle.id().toString());
        assertThat(handed).hasSize(1);
        var entry = handed.getFirst();
        assertThat(entry.get("who").get("subject").asString()).isEqualTo("system:notification-service");
        assertThat(entry.get("action").asString()).isEqualTo("send-sms");
        assertThat(entry.get("rule").asString()).isEqualTo("development-provider");
        assertThat(entry.get("disclosed").get("reporter.phone").asString()).isEqualTo("MASKED");
        assertThat(log.lines()).allSatisfy(line -> assertThat(line).doesNotContain("5678"));
    }

    @Test
    void recordsTheDevelopmentOutboxAndTheInboxAsTheyAreRead() throws Exception {
        var resident = token("resident-outbox", List.of("RESIDENT"), List.of(), null);

        assertStatus(get("/api/notifications/dev-outbox?limit=3", administrator()), 200);
        assertStatus(get("/api/notifications/dev-outbox", resident), 403);
        assertStatus(get("/api/notifications/inbox", resident), 200);

        assertThat(log.entries(e -> e.get("resource").asString().equals("dev-outbox")))
                .extracting(e -> e.get("who").get("subject").asString() + " "
                        + e.get("outcome").asString() + " " + e.get("rule").asString())
                .containsExactly(
                        "admin-1 ALLOWED administrator",
                        "resident-outbox DENIED role-required: hasRole('ADMINISTRATOR')");
        assertThat(log.by("resident-outbox").getLast().get("resource").asString())
                .isEqualTo("inbox");
        assertThat(log.by("resident-outbox").getLast().get("items").asInt()).isZero();
    }

    private List<String> recipients(HttpResponse<String> response) {
        assertStatus(response, 200);
        return json(response)
                .valueStream()
                .map(sent -> sent.get("delivery").get("recipient").asString())
                .toList();
    }

    private int anonymous(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
