package org.whistle.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an integrator finds through the gateway without an account (ADR 0036): every service's OpenAPI 3.1 document
 * and the event contract's AsyncAPI 3.0 document, listed on one page; and errors from every service and the gateway
 * itself worded in Chinese by default and in English when Accept-Language prefers it.
 */
@ExtendWith(SharedLocalStack.class)
class ApiDescriptionsTest {

    private static final List<String> SERVICES = List.of(
            "org-registry-service",
            "intake-service",
            "dispatch-service",
            "sla-service",
            "notification-service",
            "evaluation-service",
            "members-service");

    private final Gateway gateway;
    private final Casework casework;

    ApiDescriptionsTest(Platform platform) {
        this.gateway = platform.gateway();
        this.casework = new Casework(platform);
    }

    @Test
    void publishesEveryServicesOpenApiDocumentAndTheAsyncApiDocumentWithoutSigningIn() {
        for (var service : SERVICES) {
            var document = gateway.get("/api/docs/" + service + ".json", null).expect(200);
            assertThat(document.path("openapi").asString()).as(service).startsWith("3.1");
            assertThat(document.at("/info/title").asString()).isEqualTo("Whistle " + service);
            assertThat(document.at("/components/securitySchemes/bearer/scheme").asString())
                    .isEqualTo("bearer");
            assertThat(document.at("/components/schemas/Problem").isMissingNode())
                    .isFalse();
        }
        var events = gateway.get("/api/docs/asyncapi.json", null).expect(200);
        assertThat(events.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(events.at("/channels/whistle-raised/address").asString()).isEqualTo("whistle-raised");

        var index = gateway.get("/apis.html", null);
        assertThat(index.status()).isEqualTo(200);
        SERVICES.forEach(service -> assertThat(index.body()).contains("api/docs/" + service + ".json"));
    }

    @Test
    void answersErrorsFromEveryServiceAndTheGatewayInChineseByDefaultAndInEnglishOnRequest() {
        var admin = casework.token("admin");
        // Things that do not exist in three services, and an address no service owns (the gateway's own answer).
        var missing = List.of(
                "/api/tickets/019ac3b1-0000-7000-8000-00000000dead",
                "/api/org/units/NO-SUCH-UNIT",
                "/api/notifications/webhooks/019ac3b1-0000-7000-8000-00000000dead/deliveries",
                "/api/no-such-service");
        for (var path : missing) {
            var chinese = problem(path, admin, null);
            var english = problem(path, admin, "en-US,en;q=0.9,zh-CN;q=0.5");
            assertThat(chinese.status()).as(path).isBetween(400, 499).isEqualTo(english.status());
            assertThat(chinese.json().path("title").asString()).as(path).containsPattern("\\p{IsHan}");
            assertThat(english.json().path("title").asString()).as(path).doesNotContainPattern("\\p{IsHan}");
        }
    }

    private Gateway.Reply problem(String path, String token, @Nullable String language) {
        var call = gateway.call("GET", path).token(token);
        if (language != null) {
            call.header("Accept-Language", language);
        }
        var reply = call.send();
        assertThat(reply.isProblem()).as(path + ": " + reply).isTrue();
        return reply;
    }
}
