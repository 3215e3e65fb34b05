package org.whistle.testing;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(classes = RealInfrastructureTest.Application.class)
@RealInfrastructure
class RealInfrastructureTest {

    @Autowired
    Environment environment;

    @Autowired
    DataSource dataSource;

    @Test
    void pointsSpringKafkaAtTheSharedBroker() {
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo(TestInfrastructure.get().kafkaBootstrapServers());
    }

    @Test
    void connectsTheDataSourceToADatabaseOfItsOwn() {
        var database = JdbcClient.create(dataSource)
                .sql("SELECT current_database()")
                .query(String.class)
                .single();

        assertThat(database).startsWith("realinfrastructuretest_");
        assertThat(environment.getProperty("spring.datasource.url")).endsWith("/" + database);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {}
}
