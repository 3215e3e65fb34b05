package org.whistle.intake.following;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.whistle.intake.support.IntakeTest;
import org.whistle.testing.AccessLogCapture;
import org.whistle.testing.TestIssuer;

class ReporterContactTest extends IntakeTest {

    @Test
    void givesTheReportersPhoneToAWhistleServiceAndToNobodyElse() {
        var raised = postJson("/api/whistles", whistle("contact " + UUID.randomUUID()), device())
                .json();
        var id = raised.get("id").asString();
        var path = "/internal/whistles/" + id + "/contact";
        var service = TestIssuer.get().token("notification-service", List.of("SERVICE"), List.of("230200"), null);

        var given = get(path, bearer(service));

        assertThat(given.status()).isEqualTo(200);
        assertThat(given.json().get("phone").asString()).isEqualTo("13800000042");
        assertThat(given.json().get("trackingCode").asString())
                .as("the reporter's code, for the messages to their own phone")
                .isEqualTo(raised.get("trackingCode").asString());
        assertThat(get(path, bearer(staffToken("dispatcher", "CITY_DISPATCHER", "230200")))
                        .status())
                .isEqualTo(403);
        assertThat(get(path, bearer(residentToken("someone"))).status()).isEqualTo(403);
        assertThat(get(path).status()).isEqualTo(401);
        assertThat(get(path).body()).contains("\"type\":\"urn:whistle:problem:unauthorized\"");
    }

    @Test
    void refusesAForgedTokenOnTheOpenPathsWithAProblemDetail() {
        var valid = residentToken("someone");
        var forged =
                valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5);

        var refused = get("/api/whistles/" + UUID.randomUUID(), bearer(forged));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("\"type\":\"urn:whistle:problem:unauthorized\"");
    }

    @Test
    void recordsEveryReadAndRefusalOfTheNumberWithoutTheNumber() {
        var id = postJson("/api/whistles", whistle("logged " + UUID.randomUUID()), device())
                .json()
                .get("id")
                .asString();
        var path = "/internal/whistles/" + id + "/contact";
        var service = TestIssuer.get().token("notification-service", List.of("SERVICE"), List.of("230200"), null);
        try (var log = AccessLogCapture.start()) {
            get(path, bearer(service));
            get(path, bearer(staffToken("qq.city.dispatcher", "CITY_DISPATCHER", "230200")));
            get(path);

            var entries = log.about("reporter-contact", id);
            assertThat(entries)
                    .extracting(e -> e.get("who").get("subject").asString() + " "
                            + e.get("outcome").asString() + " " + e.get("rule").asString() + " " + e.get("disclosed"))
                    .containsExactly(
                            "notification-service ALLOWED service-delivery"
                                    + " {\"reporter.phone\":\"FULL\",\"reporter.trackingCode\":\"FULL\"}",
                            "qq.city.dispatcher DENIED role-required: hasRole('SERVICE') {}",
                            "anonymous DENIED token-required {}");
            assertThat(log.lines()).allSatisfy(line -> assertThat(line).doesNotContain("13800000042"));
        }
    }

    @Test
    void givesTheOpenIdOfAReporterSignedInThroughWechatFromTheirTokenNotFromTheBody() {
        var resident = TestIssuer.get()
                .tokenWithClaims(
                        "wx.resident-" + UUID.randomUUID(),
                        List.of("RESIDENT"),
                        List.of(),
                        java.util.Map.of("wechat_openid", "oFromWechat-1"));
        var body = new java.util.HashMap<String, Object>(whistle("wechat " + UUID.randomUUID()));
        body.put("channel", "WECHAT");
        body.remove("reporter");
        body.put("wechatOpenId", "oForgedInTheBody");
        var raised = postJson("/api/whistles", body, bearer(resident));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        var id = raised.json().get("id").asString();
        var service = TestIssuer.get().token("notification-service", List.of("SERVICE"), List.of("230200"), null);

        try (var log = AccessLogCapture.start()) {
            var given = get("/internal/whistles/" + id + "/contact", bearer(service));

            assertThat(given.status()).as(given.body()).isEqualTo(200);
            assertThat(given.json().get("wechatOpenId").asString()).isEqualTo("oFromWechat-1");
            assertThat(given.json().get("phone").isNull()).isTrue();
            assertThat(log.about("reporter-contact", id))
                    .extracting(e -> e.get("disclosed").toString())
                    .containsExactly("{\"reporter.trackingCode\":\"FULL\",\"reporter.wechat\":\"FULL\"}");
        }
        var withoutClaim = postJson("/api/whistles", body, bearer(residentToken("plain-" + UUID.randomUUID())))
                .json()
                .get("id")
                .asString();
        assertThat(get("/internal/whistles/" + withoutClaim + "/contact", bearer(service))
                        .status())
                .as("a body's open id is never taken")
                .isEqualTo(404);
    }

    @Test
    void hasNoContactForAnAnonymousReporter() {
        var anonymous = new java.util.HashMap<String, Object>(whistle("anonymous " + UUID.randomUUID()));
        anonymous.remove("reporter");
        var id = postJson("/api/whistles", anonymous, device()).json().get("id").asString();
        var service = TestIssuer.get().token("notification-service", List.of("SERVICE"), List.of("230200"), null);

        var answer = get("/internal/whistles/" + id + "/contact", bearer(service));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:whistle:problem:not-found");
    }
}
