package org.whistle.messaging.batches;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.events.EventEnvelope;
import org.whistle.messaging.deadletter.PoisonEventException;
import org.whistle.messaging.tracing.EventTracing;

/**
 * A poll's events applied in one transaction (ADR 0030, 0037): one commit for the lot instead of one per event, each
 * event still recorded as handled with its effect. When anything in the batch fails, the batch is rolled back and its
 * events are applied one by one, each in its own transaction; the first that fails is named to the service's error
 * handler ({@link BatchListenerFailedException}), which commits the offsets before it, retries it and dead-letters
 * only it. Offsets are committed every poll's worth of records or every second, not after every record: a redelivery
 * after a crash is harmless, the events being handled once.
 *
 * <p>A service declares its container factory with {@link #containerFactory} under a name of its own and makes its
 * batch listeners use it.
 */
public class BatchedEvents {

    static final Duration ACK_TIME = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(BatchedEvents.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(BatchedEvents.class);

    private final TransactionTemplate transactions;
    private EventTracing tracing = EventTracing.NONE;

    protected BatchedEvents(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Each record is applied in its own trace (ADR 0048): the events it causes and the log lines it writes continue
     * the trace it came with, though the batch shares one transaction. Set from messaging's configuration.
     */
    @Autowired(required = false)
    public void setEventTracing(EventTracing tracing) {
        this.tracing = tracing;
    }

    /**
     * A batch listeners' container factory with Boot's settings and the service's error handler (retries, then the
     * dead-letter topic), as for every listener, taking at most {@code recordsPerPoll} records — one transaction.
     */
    public static ConcurrentKafkaListenerContainerFactory<Object, Object> containerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<Object, Object> consumers,
            int recordsPerPoll) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumers);
        factory.setBatchListener(true);
        var properties = factory.getContainerProperties();
        properties.setAckMode(AckMode.COUNT_TIME);
        properties.setAckCount(recordsPerPoll);
        properties.setAckTime(ACK_TIME.toMillis());
        factory.setContainerCustomizer(container -> container
                .getContainerProperties()
                .getKafkaConsumerProperties()
                .setProperty("max.poll.records", Integer.toString(recordsPerPoll)));
        return factory;
    }

    /**
     * Applies {@code handler} to every event of the batch, in one transaction, or — when that fails — to each in its
     * own, throwing for the first that fails so that the records before it are committed and it is retried.
     */
    public void handle(List<ConsumerRecord<String, EventEnvelope<?>>> records, Consumer<EventEnvelope<?>> handler) {
        if (records.size() > 1) {
            try {
                transactions.executeWithoutResult(status -> records.forEach(record -> apply(record, handler)));
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
                transactions.executeWithoutResult(status -> apply(record, handler));
            } catch (RuntimeException failed) {
                throw new BatchListenerFailedException(
                        "event at offset " + record.offset() + " of " + record.topic() + " failed", failed, i);
            }
        }
    }

    private void apply(ConsumerRecord<String, EventEnvelope<?>> record, Consumer<EventEnvelope<?>> handler) {
        tracing.continuing(record, () -> handler.accept(event(record)));
    }

    /** The record's event; a record that could not be decoded is thrown as such (dead-lettered at once). */
    private static EventEnvelope<?> event(ConsumerRecord<String, EventEnvelope<?>> record) {
        var undecodable = SerializationUtils.getExceptionFromHeader(
                record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
        if (undecodable != null) {
            throw undecodable;
        }
        if (record.value() == null) {
            throw new PoisonEventException(
                    "no event in the record at offset " + record.offset() + " of " + record.topic());
        }
        return record.value();
    }
}
