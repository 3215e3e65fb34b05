package org.whistle.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.transaction.PlatformTransactionManager;
import org.whistle.events.EventEnvelope;
import org.whistle.events.kafka.EnvelopeDeserializer;
import org.whistle.events.kafka.EnvelopeSerializer;
import org.whistle.messaging.deadletter.DeadLetters;
import org.whistle.messaging.inbox.IdempotentHandling;
import org.whistle.messaging.outbox.Outbox;
import org.whistle.messaging.outbox.OutboxLanes;
import org.whistle.messaging.outbox.OutboxMetrics;
import org.whistle.messaging.outbox.OutboxRelay;
import org.whistle.messaging.outbox.ParkedEvents;
import org.whistle.messaging.tracing.EventTracing;

/**
 * Gives every service the same reliable messaging: idempotent producers with acks=all, envelope serde, read-committed
 * consumers, retry-then-dead-letter error handling, and — where the service has a database — the outbox, its relay
 * and idempotent handling.
 */
@AutoConfiguration(
        after = {
            DataSourceAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class,
            KafkaAutoConfiguration.class
        })
@EnableConfigurationProperties(MessagingProperties.class)
public final class MessagingAutoConfiguration {

    private static final Duration HOUSEKEEPING_INTERVAL = Duration.ofHours(1);

    @Bean
    DefaultKafkaProducerFactoryCustomizer whistleProducerSettings() {
        return factory -> {
            // Boot declares the factory with wildcards; keys are strings and values envelopes or raw bytes here.
            @SuppressWarnings("unchecked")
            var producers = (DefaultKafkaProducerFactory<String, Object>) factory;
            producers.setKeySerializerSupplier(StringSerializer::new);
            producers.setValueSerializerSupplier(() -> new DelegatingByTypeSerializer(
                    // Envelopes from services; raw bytes from the outbox relay and for undecodable dead letters.
                    Map.<Class<?>, Serializer<?>>of(
                            EventEnvelope.class, new EnvelopeSerializer(), byte[].class, new ByteArraySerializer()),
                    true));
            // Not negotiable per service: losing or duplicating a record on a retry is what this module prevents.
            producers.updateConfigs(Map.of(
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                    true,
                    ProducerConfig.ACKS_CONFIG,
                    "all",
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    10_000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                    25_000));
        };
    }

    /** How long a consumer that stopped heartbeating holds its partitions; the broker's minimum is 6 s. */
    public static final int SESSION_TIMEOUT_MS = 10_000;

    @Bean
    DefaultKafkaConsumerFactoryCustomizer whistleConsumerSettings() {
        return factory -> {
            @SuppressWarnings("unchecked")
            var consumers = (DefaultKafkaConsumerFactory<String, EventEnvelope<?>>) factory;
            consumers.setKeyDeserializerSupplier(StringDeserializer::new);
            consumers.setValueDeserializerSupplier(() -> new ErrorHandlingDeserializer<>(new EnvelopeDeserializer()));
            var configured = consumers.getConfigurationProperties();
            var defaults = new java.util.HashMap<String, Object>();
            defaults.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            defaults.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            defaults.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            // A consumer killed without leaving keeps its partitions until its session expires, and a restarted one
            // waits for that in the rebalance: Kafka's 45 s kept whistles unrouted longer than the 30 s we allow a
            // restarted service to be back to steady state (the bench's kill -9 test).
            defaults.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
            defaults.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, SESSION_TIMEOUT_MS / 3);
            defaults.keySet().removeAll(configured.keySet());
            consumers.updateConfigs(defaults);
        };
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    @ConditionalOnBean(KafkaTemplate.class)
    CommonErrorHandler whistleErrorHandler(
            KafkaTemplate<?, ?> template, MessagingProperties properties, ObjectProvider<MeterRegistry> meters) {
        var consumer = properties.consumer();
        return DeadLetters.errorHandler(
                template,
                new DeadLetters.Retries(consumer.maxRetries(), consumer.initialBackoff(), consumer.maxBackoff()),
                meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    /**
     * The outbox, its relay and batch listeners carry the trace where Micrometer's instrumentation does not (ADR 0048);
     * without Micrometer Tracing nothing is traced.
     */
    @Bean
    @ConditionalOnMissingBean
    EventTracing eventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        var available = tracer.getIfAvailable();
        var propagation = propagator.getIfAvailable();
        return available == null || propagation == null ? EventTracing.NONE : EventTracing.of(available, propagation);
    }

    /** The parts that need the service's database. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean({DataSource.class, PlatformTransactionManager.class})
    static class Persistence {

        @Bean
        MessagingStore messagingStore(DataSource dataSource, PlatformTransactionManager transactionManager) {
            return MessagingStore.migrateAndOpen(dataSource, transactionManager);
        }

        @Bean
        Outbox outbox(
                MessagingStore store,
                MessagingProperties properties,
                ObjectProvider<OutboxRelay> relay,
                EventTracing tracing) {
            return new Outbox(
                    store.jdbc(),
                    new OutboxLanes(properties.outbox().lanes()),
                    lane -> relay.ifAvailable(it -> it.wake(lane)),
                    tracing);
        }

        @Bean
        @ConditionalOnProperty(
                prefix = "whistle.messaging.outbox",
                name = "relay-enabled",
                havingValue = "true",
                matchIfMissing = true)
        @ConditionalOnBean(ProducerFactory.class)
        OutboxRelay outboxRelay(
                MessagingStore store,
                ProducerFactory<?, ?> producers,
                MessagingProperties properties,
                ObjectProvider<MeterRegistry> meters,
                EventTracing tracing) {
            @SuppressWarnings("unchecked")
            var typed = (ProducerFactory<Object, Object>) producers;
            var outbox = properties.outbox();
            return new OutboxRelay(
                    store.jdbc(),
                    store.transactions(),
                    typed,
                    new OutboxRelay.Settings(
                            outbox.pollInterval(), outbox.batchSize(), outbox.publishedRetention(), outbox.stopGrace()),
                    meters.getIfAvailable(() -> Metrics.globalRegistry),
                    tracing);
        }

        @Bean
        ParkedEvents parkedEvents(MessagingStore store, ObjectProvider<OutboxRelay> relay) {
            return new ParkedEvents(store.jdbc(), store.transactions(), lane -> relay.ifAvailable(it -> it.wake(lane)));
        }

        @Bean
        MeterBinder outboxMetrics(MessagingStore store) {
            return registry -> OutboxMetrics.register(store.jdbc(), registry);
        }

        @Bean
        IdempotentHandling idempotentHandling(MessagingStore store, MessagingProperties properties) {
            return new IdempotentHandling(
                    store.jdbc(),
                    store.transactions(),
                    properties.consumer().foldHistory()
                            ? IdempotentHandling.History.FOLD
                            : IdempotentHandling.History.IGNORE);
        }

        @Bean
        Housekeeping messagingHousekeeping(
                ObjectProvider<OutboxRelay> relay, IdempotentHandling handling, MessagingProperties properties) {
            var tasks = new java.util.LinkedHashMap<String, java.util.function.IntSupplier>();
            tasks.put(
                    "forget handled events",
                    () -> handling.forgetOlderThan(properties.consumer().handledRetention()));
            relay.ifAvailable(it -> tasks.put("purge published outbox rows", it::purgePublished));
            return new Housekeeping(tasks, HOUSEKEEPING_INTERVAL);
        }
    }
}
