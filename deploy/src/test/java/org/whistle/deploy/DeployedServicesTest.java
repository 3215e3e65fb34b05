package org.whistle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The services that docker-compose.yml and the Kubernetes manifests run are the code's: every service module and no
 * other, on its own port, with only variables it reads, connected to its own database — and with every variable the
 * local stack gives it, but for those that only make sense on a laptop.
 */
class DeployedServicesTest {

    private static final ServiceCatalogue CODE = ServiceCatalogue.read();

    private static final Map<String, String> LOCAL_ONLY = Map.ofEntries(
            Map.entry(
                    "SERVER_ADDRESS",
                    "the local stack binds services to loopback; containers are isolated by their network"),
            Map.entry(
                    "SERVER_PORT",
                    "the image sets it to the service's port (deploy/docker/Dockerfile, build argument PORT)"),
            Map.entry(
                    "gateway KAFKA_BOOTSTRAP_SERVERS",
                    "the gateway has no Kafka client; the local stack names the broker to all"),
            Map.entry("WHISTLE_GATEWAY_RATELIMITS_ANONYMOUSLIMITFORPERIOD", "a demo's phones share one Wi-Fi address"),
            Map.entry(
                    "WHISTLE_GATEWAY_RATELIMITS_SIGNINLIMITFORPERIOD",
                    "a demo's visitors sign in from one Wi-Fi address"),
            Map.entry(
                    "MANAGEMENT_SERVER_PORT",
                    "the image sets it (build argument MANAGEMENT_PORT); the local stack offsets it with the gateway's port"),
            Map.entry("MANAGEMENT_SERVER_ADDRESS", "the local stack binds the gateway's management port to loopback"),
            Map.entry("WHISTLE_CLIENT_ID", "notification-service's default client id is already notification-service"),
            Map.entry("WHISTLE_ORG_SEED_DIRECTORY", "only the demo seeds the registry (compose: --profile demo)"),
            Map.entry("WHISTLE_MEMBERS_DEMO_FILE", "the demo city's members, tasks and points; a city seeds none"),
            Map.entry(
                    "WHISTLE_INTAKE_GEOCODER_GAZETTEER_FILE",
                    "the demo city's offline gazetteer; a city configures its own geocoder (intake README)"));

    private static final Map<String, String> COMPOSE_ALSO_WITHOUT = Map.of(
            "WHISTLE_NOTIFICATION_CLIENT_CLIENT_SECRET",
            "needed with a real SMS provider only; compose runs the" + " development one");

    private static final Map<String, String> KUBERNETES_ALSO_WITHOUT =
            Map.of("WHISTLE_MEDIA_DIRECTORY", "replicas share evidence media through S3 (WHISTLE_MEDIA_S3_*) instead");

    record Deployment(String name, Supplier<List<Workload>> workloads, Map<String, String> localOnly) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> deployments() {
        return Stream.of(
                Arguments.of(new Deployment(
                        "docker-compose.yml", () -> Compose.read().whistleServices(), with(COMPOSE_ALSO_WITHOUT))),
                Arguments.of(new Deployment(
                        "deploy/base as written",
                        () -> Kubernetes.files("deploy/base").whistleServices(),
                        with(KUBERNETES_ALSO_WITHOUT))),
                Arguments.of(new Deployment(
                        "deploy/overlays/production rendered",
                        () -> {
                            Assumptions.assumeTrue(
                                    Kubernetes.kubectl().isPresent(),
                                    "kubectl is not on the PATH: the rendered production overlay is not checked"
                                            + " (deploy/base is, as written)");
                            return Kubernetes.render("deploy/overlays/production")
                                    .whistleServices();
                        },
                        with(KUBERNETES_ALSO_WITHOUT))));
    }

    private static Map<String, String> with(Map<String, String> more) {
        var all = new java.util.HashMap<>(LOCAL_ONLY);
        all.putAll(more);
        return Map.copyOf(all);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void runsEveryServiceModuleAndNothingElse(Deployment deployment) {
        assertThat(Drift.services(CODE, deployment.workloads().get(), deployment.name()))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void setsOnlyVariablesTheServicesRead(Deployment deployment) {
        assertThat(Drift.variables(CODE, deployment.workloads().get())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void usesEachServicesOwnPort(Deployment deployment) {
        assertThat(Drift.ports(CODE, deployment.workloads().get())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void connectsEachServiceToItsOwnDatabase(Deployment deployment) {
        assertThat(Drift.databases(CODE, deployment.workloads().get())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void givesEachServiceWhatTheLocalStackGivesIt(Deployment deployment) {
        assertThat(Drift.localStackCoverage(CODE, deployment.workloads().get(), deployment.localOnly()))
                .isEmpty();
    }

    /** What containers log with and how they export traces, set for every service by the deployment (ADR 0048). */
    private static final List<String> LOGS_AND_TRACES = List.of(
            "LOGGING_STRUCTURED_FORMAT_CONSOLE",
            "MANAGEMENT_TRACING_EXPORT_OTLP_ENABLED",
            "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
            "MANAGEMENT_TRACING_SAMPLING_PROBABILITY");

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void givesEveryServiceStructuredLogsAndTheTraceExportSettings(Deployment deployment) {
        assertThat(deployment.workloads().get())
                .allSatisfy(workload -> assertThat(workload.environment())
                        .as(workload.name())
                        .containsKeys(LOGS_AND_TRACES.toArray(String[]::new)));
    }

    @org.junit.jupiter.api.Test
    void containersLogJsonAndExportNoTracesUntilACollectorIsNamed() {
        var config = Kubernetes.files("deploy/base").ofKind("ConfigMap").stream()
                .filter(map -> Kubernetes.name(map).equals("whistle-config"))
                .findFirst()
                .orElseThrow();
        assertThat(Yamls.at(config, "data"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("log-format", "ecs")
                .containsEntry("tracing-export-enabled", "false")
                .containsEntry("tracing-sampling-probability", "0");
        assertThat(Compose.read().whistleServices())
                .allSatisfy(service -> assertThat(service.environment())
                        .as(service.name())
                        .containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")
                        .containsEntry("MANAGEMENT_TRACING_EXPORT_OTLP_ENABLED", "false"));
    }
}
