package org.whistle.dispatch.ticket;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.events.EventEnvelope;

/**
 * Dispatch's listeners take what one poll returns as a batch and apply it in one transaction: one commit for the lot
 * instead of one per event, each event still recorded as handled with its effect (idempotent per record, ADR 0030).
 * When anything in the batch fails, the batch is rolled back and its events are applied one by one, each in its own
 * transaction, so that the good ones are kept and only the one that fails is retried and, failing still, dead-lettered
 * (the service's error handler, told which record by a {@link BatchListenerFailedException}). Offsets are committed
 * after a poll's records, or every {@link #ACK_COUNT} records or {@link #ACK_TIME}, not after every record: a
 * redelivery after a crash is harmless, the events being handled once.
 */
@Configuration(proxyBeanMethods = false)
public class EventBatches {

    /** The listener container factory of dispatch's batch listeners. */
    public static final String FACTORY = "dispatchEventBatches";

    /** At most this many records in one poll, so one transaction. */
    static final int MAX_POLL_RECORDS = 100;

    static final int ACK_COUNT = 100;
    static final Duration ACK_TIME = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(EventBatches.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(EventBatches.class);

    private final TransactionTemplate transactions;

    EventBatches(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Bean(FACTORY)
    static ConcurrentKafkaListenerContainerFactory<Object, Object> dispatchEventBatches(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        // Boot's settings and the service's error handler (retries, then the dead-letter topic), as for every listener.
        configurer.configure(factory, consumers);
        factory.setBatchListener(true);
        var properties = factory.getContainerProperties();
        properties.setAckMode(AckMode.COUNT_TIME);
        properties.setAckCount(ACK_COUNT);
        properties.setAckTime(ACK_TIME.toMillis());
        factory.setContainerCustomizer(container -> container
                .getContainerProperties()
                .getKafkaConsumerProperties()
                .setProperty("max.poll.records", Integer.toString(MAX_POLL_RECORDS)));
        return factory;
    }

    /**
     * Applies {@code handler} to every event of the batch, in one transaction, or — when that fails — to each in its
     * own, throwing for the first that fails so that the records before it are committed and it is retried.
     */
    public void handle(List<ConsumerRecord<String, EventEnvelope<?>>> records, Consumer<EventEnvelope<?>> handler) {
        if (records.size() > 1) {
            try {
                transactions.executeWithoutResult(status -> records.forEach(record -> handler.accept(event(record))));
                return;
            } catch (RuntimeException failed) {
                log.info(
                        "a batch of {} events from {} failed as a whole ({}); applying them one by one",
                        records.size(),
                        records.getFirst().topic(),
                        failed.toString());
            }
        }
        for (int i = 0; i < records.size(); i++) {
            var record = records.get(i);
            try {
                transactions.executeWithoutResult(status -> handler.accept(event(record)));
            } catch (RuntimeException failed) {
                throw new BatchListenerFailedException(
                        "event at offset " + record.offset() + " of " + record.topic() + " failed", failed, i);
            }
        }
    }

    /** The record's event; a record that could not be decoded is thrown as such (dead-lettered at once). */
    private static EventEnvelope<?> event(ConsumerRecord<String, EventEnvelope<?>> record) {
        var undecodable = SerializationUtils.getExceptionFromHeader(
                record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
        if (undecodable != null) {
            throw undecodable;
        }
        if (record.value() == null) {
            throw new org.whistle.messaging.deadletter.PoisonEventException(
                    "no event in the record at offset " + record.offset() + " of " + record.topic());
        }
        return record.value();
    }
}
