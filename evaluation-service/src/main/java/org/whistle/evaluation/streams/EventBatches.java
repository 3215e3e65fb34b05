package org.whistle.evaluation.streams;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.whistle.messaging.batches.BatchedEvents;

/**
 * The case events are folded a poll at a time, in one transaction (ADR 0037): the rollups are written once per bucket
 * the poll touched instead of once per event — what a rebuild from offset 0 needs.
 */
@Configuration(proxyBeanMethods = false)
public class EventBatches extends BatchedEvents {

    /** The listener container factory of the case events' listener. */
    public static final String FACTORY = "evaluationEventBatches";

    /** At most this many records in one poll, so in one transaction. */
    static final int MAX_POLL_RECORDS = 500;

    EventBatches(PlatformTransactionManager transactionManager) {
        super(transactionManager);
    }

    @Bean(FACTORY)
    static ConcurrentKafkaListenerContainerFactory<Object, Object> evaluationEventBatches(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
        return containerFactory(configurer, consumers, MAX_POLL_RECORDS);
    }
}
