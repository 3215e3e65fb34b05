package org.whistle.messaging.outbox;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Whether a row the broker did not take is worth retrying or must be parked. Retrying a row the broker refuses for
 * good (too large for the topic, invalid) would hold back every later row of its lane for ever; parking a row for a
 * fault of the moment, or of the service rather than the row (a broker away, credentials, an ACL, the producer's own
 * state), would park every row of the outbox. So: Kafka's non-retriable answers about the record park it; everything
 * else is retried.
 */
public final class PublicationFailurePolicy {

    /** What to do with the row. */
    public sealed interface Decision {
        /** The same row would fail again: move it aside and go on with the lane. */
        record Park(String reason, String error) implements Decision {}

        /** Try the row again later; the rows after it wait, as they always did. */
        record Retry(String error) implements Decision {}
    }

    private static final int MAX_ERROR_LENGTH = 2_000;

    private PublicationFailurePolicy() {}

    public static Decision decide(Throwable failure) {
        var cause = unwrap(failure);
        var error = describe(cause);
        return switch (cause) {
            case RetriableException e -> new Decision.Retry(error);
            case AuthenticationException e -> new Decision.Retry(error);
            case AuthorizationException e -> new Decision.Retry(error);
            case ProducerFencedException e -> new Decision.Retry(error);
            case InvalidProducerEpochException e -> new Decision.Retry(error);
            case OutOfOrderSequenceException e -> new Decision.Retry(error);
            case RecordTooLargeException e -> new Decision.Park("消息超过 Kafka 允许的最大大小，代理拒收", error);
            case RecordBatchTooLargeException e -> new Decision.Park("消息超过 Kafka 允许的最大大小，代理拒收", error);
            case SerializationException e -> new Decision.Park("消息无法序列化，代理无法接收", error);
            case ApiException e -> new Decision.Park("Kafka 永久拒收此消息，重试不会成功", error);
            default -> new Decision.Retry(error);
        };
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException
                        || cause instanceof CompletionException
                        || (cause.getClass() == KafkaException.class))
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable cause) {
        var message = cause.getMessage();
        var text = cause.getClass().getName() + (message == null ? "" : ": " + message);
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "…";
    }
}
