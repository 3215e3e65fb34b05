package org.whistle.intake;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.whistle.testing.RealInfrastructure;
import org.whistle.testing.service.AnswersOddValues;
import org.whistle.testing.service.DatabaseServiceContract;
import org.whistle.testing.service.DocumentsItsApi;

/** The service contract every Whistle service meets; configured like {@code IntakeTest}, so it shares that context. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class IntakeServiceApplicationTest extends DatabaseServiceContract implements DocumentsItsApi, AnswersOddValues {

    @LocalServerPort
    private int port;

    /**
     * Intake is rightly not ready (503) until its copy of the organisation has caught up with the org-* topics, which
     * on a loaded machine takes a few seconds after the context starts; the contract is checked once it has, or
     * fails when it never does.
     */
    @BeforeEach
    void caughtUpWithTheOrganisation() {
        var http = HttpClient.newHttpClient();
        var readiness = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .build();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> http.send(readiness, HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200);
    }

    /** Issue 17: every odd path or query value is answered below 500; a caller who may reach every endpoint. */
    @Override
    public String bearer() {
        return org.whistle.testing.TestIssuer.get()
                .token(
                        "odd-values",
                        java.util.List.of("ADMINISTRATOR", "CITY_DISPATCHER", "LEADER"),
                        java.util.List.of("230200"),
                        null);
    }
}
