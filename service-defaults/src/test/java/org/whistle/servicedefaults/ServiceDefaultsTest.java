package org.whistle.servicedefaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ServiceDefaultsTest {

    @Test
    void givesAServiceTheSharedDefaults() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("app", Map.of("spring.application.name", "x")));

        new ServiceDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
                .isEqualTo("health,info,prometheus,sbom");
        assertThat(environment.getProperty("management.endpoint.health.probes.enabled"))
                .isEqualTo("true");
        assertThat(environment.getProperty("management.metrics.tags.application"))
                .isEqualTo("x");
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("localhost:9092");
        assertThat(environment.getProperty("spring.kafka.listener.ack-mode")).isEqualTo("count_time");
        assertThat(environment.getProperty("spring.kafka.listener.ack-time")).isEqualTo("1s");
        assertThat(environment.getProperty("management.observations.enable.spring.security"))
                .isEqualTo("false");
        assertThat(environment.getProperty("management.metrics.observations.ignored-meters"))
                .isEqualTo("long-task-timer");
    }

    @Test
    void letsTheServiceAndTheEnvironmentOverrideThem() {
        var environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "app",
                        Map.of(
                                "management.endpoints.web.exposure.include", "health",
                                "KAFKA_BOOTSTRAP_SERVERS", "broker:29092")));

        new ServiceDefaults().postProcessEnvironment(environment, new SpringApplication());
        new ServiceDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
                .isEqualTo("health");
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("broker:29092");
        assertThat(environment.getPropertySources().stream()
                        .filter(source -> source.getName().startsWith(ServiceDefaults.SOURCE_NAME)))
                .hasSize(1);
    }
}
