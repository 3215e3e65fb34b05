package org.whistle.intake.following;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.whistle.intake.support.IntakeTest;
import org.whistle.testing.TestIssuer;

class ReporterContactTest extends IntakeTest {

    @Test
    void givesTheReportersPhoneToAWhistleServiceAndToNobodyElse() {
        var id = postJson("/api/whistles", whistle("contact " + UUID.randomUUID()), device())
                .json()
                .get("id")
                .asString();
        var path = "/internal/whistles/" + id + "/contact";
        var service = TestIssuer.get().token("notification-service", List.of("SERVICE"), List.of("230200"), null);

        var given = get(path, bearer(service));

        assertThat(given.status()).isEqualTo(200);
        assertThat(given.json().get("phone").asString()).isEqualTo("13800000042");
        assertThat(get(path, bearer(staffToken("dispatcher", "CITY_DISPATCHER", "230200")))
                        .status())
                .isEqualTo(403);
        assertThat(get(path, bearer(residentToken("someone"))).status()).isEqualTo(403);
        assertThat(get(path).status()).isEqualTo(401);
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
