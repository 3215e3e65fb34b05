package org.whistle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checks catch what they are for: a deployment that strays from the code is reported, naming the stray. */
class DriftChecksTest {

    private static final ServiceCatalogue CODE = ServiceCatalogue.read();

    private static Workload intake(Map<String, String> environment, Set<Integer> ports) {
        return new Workload("test intake", "intake-service", "intake-service", environment, ports);
    }

    @Test
    void readsServicesFromTheCode() {
        assertThat(CODE.services().keySet())
                .containsExactlyInAnyOrder(
                        "gateway",
                        "org-registry-service",
                        "intake-service",
                        "dispatch-service",
                        "sla-service",
                        "notification-service",
                        "evaluation-service");
        assertThat(CODE.service("intake-service").port()).isEqualTo(8082);
    }

    @Test
    void acceptsVariablesByPlaceholderByPropertyAndByMapKey() {
        var intake = CODE.service("intake-service");
        assertThat(intake.reads("WHISTLE_PHONE_KEY")).isTrue();
        assertThat(intake.reads("KAFKA_BOOTSTRAP_SERVERS")).isTrue();
        assertThat(intake.reads("WHISTLE_INTAKE_RATELIMITS_PERPHONE")).isTrue();
        assertThat(intake.reads("WHISTLE_INTAKE_RATE_LIMITS_PER_PHONE")).isTrue();
        assertThat(intake.reads("WHISTLE_SECURITY_JWKS_URI")).isTrue();
        assertThat(CODE.service("sla-service").reads("WHISTLE_SLA_STREAMS_COMMIT_INTERVAL_MS"))
                .isTrue();
    }

    @Test
    void reportsAVariableNoServiceReads() {
        var problems = Drift.variables(
                CODE, List.of(intake(Map.of("WHISTLE_PHONE_KEYS", "x", "WHISTLE_SLA_TIME_SCALE", "60"), Set.of())));
        assertThat(problems).hasSize(2);
        assertThat(String.join("\n", problems)).contains("WHISTLE_PHONE_KEYS", "WHISTLE_SLA_TIME_SCALE");
    }

    @Test
    void reportsAWrongPortAndAnAddressWithAnotherServicesWrongPort() {
        var problems = Drift.ports(
                CODE,
                List.of(intake(
                        Map.of("WHISTLE_SECURITY_JWKS_URI", "http://org-registry-service:8080/oauth2/jwks"),
                        Set.of(8083))));
        assertThat(problems).hasSize(2);
    }

    @Test
    void reportsAnUnknownServiceAndAMissingOne() {
        var problems = Drift.services(
                CODE,
                List.of(new Workload("test", "reporting-service", "reporting-service", Map.of(), Set.of(8086))),
                "test");
        assertThat(String.join("\n", problems)).contains("reporting-service", "does not run");
    }

    @Test
    void reportsAnotherServicesDatabase() {
        var problems = Drift.databases(
                CODE, List.of(intake(Map.of("DATABASE_URL", "jdbc:postgresql://postgres:5432/dispatch"), Set.of())));
        assertThat(problems).singleElement().asString().contains("owns intake");
    }

    @Test
    void reportsAVariableTheLocalStackGivesButTheDeploymentLacks() {
        var problems = Drift.localStackCoverage(CODE, List.of(intake(Map.of(), Set.of())), Map.of());
        assertThat(String.join("\n", problems)).contains("WHISTLE_PHONE_KEY");
    }
}
