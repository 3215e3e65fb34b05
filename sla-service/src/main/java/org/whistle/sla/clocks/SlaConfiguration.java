package org.whistle.sla.clocks;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import org.whistle.sla.clocks.domain.Deadlines;

/**
 * Wires the clocks: time, deadlines from the org-reference copy, metrics, and the Streams application, which Spring
 * Kafka runs ({@link EnableKafkaStreams}) from Boot's {@code spring.kafka.*} streams configuration with Boot's
 * Micrometer listener, the SLA's own settings on top ({@link SlaStreams#configure}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlaProperties.class)
@EnableKafkaStreams
class SlaConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Deadlines deadlines(OrgReferenceCopy copy, SlaProperties properties) {
        return new OrgReferenceDeadlines(copy, properties.timeScale(), properties.closedRetention());
    }

    @Bean
    SlaMetrics slaMetrics(MeterRegistry registry) {
        return new SlaMetrics(registry);
    }

    /** Escalations continue the trace of the event that started their clock (ADR 0054); none without a tracer. */
    @Bean
    ClockTracing clockTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        var available = tracer.getIfAvailable();
        var propagating = propagator.getIfAvailable();
        return available != null && propagating != null ? ClockTracing.of(available, propagating) : ClockTracing.NONE;
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer slaStreamsSettings(
            Deadlines deadlines, Clock clock, SlaMetrics metrics, SlaProperties properties, ClockTracing tracing) {
        return factory -> SlaStreams.configure(
                factory,
                properties,
                topology -> ClockTopology.addTo(
                        topology,
                        deadlines,
                        clock,
                        properties.punctuationInterval(),
                        properties.firingSlice(),
                        metrics,
                        tracing));
    }

    @Bean
    SlaStreams slaStreams(StreamsBuilderFactoryBean factory) {
        return new SlaStreams(factory);
    }

    @Bean
    ClockReadModel clockReadModel(SlaStreams streams, Clock clock, SlaProperties properties) {
        return new ClockReadModel(streams, clock, properties.applicationServer());
    }

    /** Ready while the Streams client runs or rebalances; down once it has failed or stopped. */
    @Bean
    HealthIndicator slaStreamsHealthIndicator(SlaStreams streams) {
        return () -> {
            var state = streams.streams().map(KafkaStreams::state).orElse(KafkaStreams.State.NOT_RUNNING);
            var health = switch (state) {
                case RUNNING, REBALANCING -> Health.up();
                case CREATED -> Health.outOfService();
                default -> Health.down();
            };
            return health.withDetail("state", state.name()).build();
        };
    }
}
