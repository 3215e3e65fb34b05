package org.whistle.dispatch.ticket;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.whistle.messaging.batches.BatchedEvents;

/** Dispatch's listeners take what one poll returns as a batch and apply it in one transaction (ADR 0030). */
@Configuration(proxyBeanMethods = false)
public class EventBatches extends BatchedEvents {

    /** The listener container factory of dispatch's batch listeners. */
    public static final String FACTORY = "dispatchEventBatches";

    /** At most this many records in one poll, so one transaction. */
    static final int MAX_POLL_RECORDS = 100;

    EventBatches(PlatformTransactionManager transactionManager) {
        super(transactionManager);
    }

    @Bean(FACTORY)
    static ConcurrentKafkaListenerContainerFactory<Object, Object> dispatchEventBatches(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
        return containerFactory(configurer, consumers, MAX_POLL_RECORDS);
    }
}
