package org.whistle.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.ConfigurableEnvironment;

@SpringBootTest(
        classes = RealInfrastructureWithoutDatabaseTest.Application.class,
        properties = "spring.kafka.bootstrap-servers=declared-by-the-test:9092")
@RealInfrastructure(database = false)
class RealInfrastructureWithoutDatabaseTest {

    @Autowired
    ConfigurableEnvironment environment;

    @Test
    void leavesTheDataSourceUnconfigured() {
        assertThat(environment.containsProperty("spring.datasource.url")).isFalse();
    }

    @Test
    void letsPropertiesTheTestDeclaresWin() {
        var infrastructureProperties =
                environment.getPropertySources().get(RealInfrastructureContextCustomizer.PROPERTY_SOURCE_NAME);

        assertThat(infrastructureProperties).isNotNull();
        assertThat(infrastructureProperties.getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo(TestInfrastructure.get().kafkaBootstrapServers());
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("declared-by-the-test:9092");
    }

    @SpringBootConfiguration
    static class Application {}
}
