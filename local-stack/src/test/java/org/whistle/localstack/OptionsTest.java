package org.whistle.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void usesTheWellKnownPortsAndTheDotWhistleFolderByDefault() {
        var options = Options.parse(List.of(), Map.of());

        assertThat(options.dataDir()).isEqualTo(Path.of(".whistle"));
        assertThat(options.explicitServicesDir()).isEmpty();
        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.postgresPort()).isEqualTo(5432);
        assertThat(options.port(Service.GATEWAY)).isEqualTo(8080);
        assertThat(options.port(Service.NOTIFICATION)).isEqualTo(8085);
    }

    @Test
    void takesTheDataFolderFromTheEnvironmentUnlessAnArgumentNamesOne() {
        var environment = Map.of("WHISTLE_DATA_DIR", "/var/whistle");

        assertThat(Options.parse(List.of(), environment).dataDir()).isEqualTo(Path.of("/var/whistle"));
        assertThat(Options.parse(List.of("--data-dir=/tmp/w"), environment).dataDir())
                .isEqualTo(Path.of("/tmp/w"));
    }

    @Test
    void readsInfrastructureAndServicePortsAndTheServicesFolder() {
        var options = Options.parse(
                List.of(
                        "--kafka-port=19092",
                        "--postgres-port=15432",
                        "--gateway-port=18080",
                        "--org-registry-service-port=18081",
                        "--services-dir=build/services"),
                Map.of());

        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.postgresPort()).isEqualTo(15432);
        assertThat(options.port(Service.GATEWAY)).isEqualTo(18080);
        assertThat(options.port(Service.ORG_REGISTRY)).isEqualTo(18081);
        assertThat(options.port(Service.INTAKE)).isEqualTo(8082);
        assertThat(options.explicitServicesDir()).contains(Path.of("build/services"));
    }

    @Test
    void rejectsAnOptionItDoesNotKnow() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Options.parse(List.of("--billing-service-port=9000"), Map.of()))
                .withMessageContaining("--billing-service-port");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Options.parse(List.of("--kafka-port"), Map.of()))
                .withMessageContaining("--name=value");
    }

    @Test
    void rejectsAPortThatIsNotANumberOrOutOfRange() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Options.parse(List.of("--postgres-port=pg"), Map.of()))
                .withMessageContaining("--postgres-port");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Options.parse(List.of("--kafka-port=70000"), Map.of()))
                .withMessageContaining("70000");
    }

    @Test
    void rejectsTwoPartsOnTheSamePort() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Options.parse(List.of("--intake-service-port=5432"), Map.of()))
                .withMessage("PostgreSQL and intake-service cannot both use port 5432");
    }

    @Test
    void letsEveryPartPickAFreePortWhenAskedTo() {
        var options = Options.defaults().withFreePorts().withServicePort(Service.GATEWAY, 0);

        assertThat(options.kafkaPort()).isZero();
        assertThat(options.postgresPort()).isZero();
        assertThat(options.servicePorts())
                .containsOnlyKeys(Service.values())
                .allSatisfy((service, port) -> assertThat(port).isZero());
    }
}
