package org.whistle.intake.following;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.whistle.messaging.batches.BatchedEvents;

/**
 * The reporter's read model takes what one poll returns as a batch and applies it in one transaction (ADR 0030, 0056),
 * as dispatch, evaluation and members do: one commit per poll instead of one per lifecycle event.
 */
@Configuration(proxyBeanMethods = false)
class ProgressBatches extends BatchedEvents {

    /** The listener container factory of {@link WhistleProgress}. */
    static final String FACTORY = "intakeProgressBatches";

    /** At most this many records in one poll, so one transaction. */
    static final int MAX_POLL_RECORDS = 100;

    ProgressBatches(PlatformTransactionManager transactionManager) {
        super(transactionManager);
    }

    @Bean(FACTORY)
    static ConcurrentKafkaListenerContainerFactory<Object, Object> intakeProgressBatches(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
        return containerFactory(configurer, consumers, MAX_POLL_RECORDS);
    }
}
