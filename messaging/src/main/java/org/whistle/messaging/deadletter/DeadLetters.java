package org.whistle.messaging.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.whistle.events.EventDecodingException;
import org.whistle.events.Topics;

/**
 * The error handling of every listener: transient failures are retried with exponential backoff; a record that still
 * fails, or can never succeed (not a valid event, or a {@link PoisonEventException}), goes to {@code <topic>.DLT} in
 * the same partition, with the original value and headers and a {@value #REASON_HEADER} header saying why.
 */
public final class DeadLetters {

    /** A short human-readable reason, beside Spring Kafka's own exception and origin headers. */
    public static final String REASON_HEADER = "whistle-dlt-reason";

    /**
     * {@code whistle_messaging_dead_letters_total{topic}}: records this service parked in a dead-letter topic, by the
     * topic they came from (a catalogue topic: the label is bounded). The alert on dead letters reads the DLT topics'
     * offsets through the Kafka exporter; this says which service parked them.
     */
    public static final String DEAD_LETTERS = "whistle.messaging.dead.letters";

    private DeadLetters() {}

    /** Retry and backoff for failed records before they are dead-lettered. */
    public record Retries(int maxRetries, java.time.Duration initialInterval, java.time.Duration maxInterval) {}

    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, Retries retries) {
        return errorHandler(template, retries, null);
    }

    /** As {@link #errorHandler(KafkaOperations, Retries)}, counting each record parked once the DLT has it. */
    public static DefaultErrorHandler errorHandler(
            KafkaOperations<?, ?> template, Retries retries, @org.jspecify.annotations.Nullable MeterRegistry meters) {
        var recoverer = new DeadLetterPublishingRecoverer(
                template,
                (record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
        recoverer.addHeadersFunction((record, exception) -> {
            var headers = new RecordHeaders();
            headers.add(REASON_HEADER, reasonOf(exception).getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        recoverer.setFailIfSendResultIsError(true);
        var backOff = new ExponentialBackOffWithMaxRetries(retries.maxRetries());
        backOff.setInitialInterval(retries.initialInterval().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(retries.maxInterval().toMillis());
        // The send is awaited and a failure throws (above), so a record is counted only once the DLT holds it.
        var handler = meters == null
                ? new DefaultErrorHandler(recoverer, backOff)
                : new DefaultErrorHandler(
                        (record, exception) -> {
                            recoverer.accept(record, exception);
                            Counter.builder(DEAD_LETTERS)
                                    .description("Records parked in a dead-letter topic, by the topic they came from")
                                    .tag("topic", record.topic())
                                    .register(meters)
                                    .increment();
                        },
                        backOff);
        handler.addNotRetryableExceptions(EventDecodingException.class, PoisonEventException.class);
        return handler;
    }

    /** The innermost cause that says what went wrong, without the listener-invocation and batch-index wrappers. */
    static String reasonOf(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ListenerExecutionFailedException
                        || cause instanceof BatchListenerFailedException
                        || cause instanceof DeserializationException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
