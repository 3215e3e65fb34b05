package org.whistle.messaging.inbox;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.events.EventEnvelope;
import org.whistle.messaging.deadletter.PoisonEventException;

/**
 * Applies an event's effect at most once per consumer: the event id is recorded in the same transaction as the
 * effect, so a redelivery (rebalance, retry, crash before the offset commit) finds it and does nothing, and a failed
 * effect rolls the record back with it and is tried again.
 *
 * <p>It is also the one guard of live actors against generated history (ADR 0032): unless the service folds history,
 * an event marked {@link org.whistle.events.Origin#HISTORY} is passed over without effect and without a record.
 */
public class IdempotentHandling {

    private static final Logger log = LoggerFactory.getLogger(IdempotentHandling.class);

    /** What this service's consumers do with generated history. */
    public enum History {
        /** Live actors (dispatch, notification, members, intake): history must not open, message or start anything. */
        IGNORE,
        /** Services that derive figures from the past (evaluation) apply history like live events. */
        FOLD
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final History history;

    public IdempotentHandling(JdbcClient jdbc, TransactionTemplate transactions) {
        this(jdbc, transactions, History.IGNORE);
    }

    public IdempotentHandling(JdbcClient jdbc, TransactionTemplate transactions, History history) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.history = history;
    }

    /** Whether this consumer applies the event at all: live events always, history only where it is folded. */
    public boolean applies(EventEnvelope<?> event) {
        return !event.isHistory() || history == History.FOLD;
    }

    /**
     * Runs {@code effect} in a transaction unless {@code consumer} already handled this event.
     *
     * @return whether the effect ran
     */
    public boolean handleOnce(String consumer, EventEnvelope<?> event, Runnable effect) {
        if (!applies(event)) {
            log.debug("{} passes over history {} ({})", consumer, event.type(), event.id());
            return false;
        }
        Boolean ran = transactions.execute(status -> {
            if (!firstDelivery(consumer, event.id())) {
                return false;
            }
            effect.run();
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }

    /**
     * Runs {@code effect} on the event's data in a transaction unless {@code consumer} already handled this event.
     * Data of another type can never be handled by this consumer, so it is a {@link PoisonEventException} and goes
     * to the dead-letter topic at once — checked before anything is recorded.
     *
     * @return whether the effect ran
     */
    public <T> boolean handleOnce(String consumer, EventEnvelope<?> event, Class<T> type, Consumer<? super T> effect) {
        if (!type.isInstance(event.data())) {
            throw new PoisonEventException(
                    "not a " + type.getSimpleName() + " event: " + event.type() + " (" + event.id() + ")");
        }
        var data = type.cast(event.data());
        return handleOnce(consumer, event, () -> effect.accept(data));
    }

    /**
     * Records that {@code consumer} handles this event now, for listeners that manage their own transaction.
     *
     * <p>A concurrent delivery of the same event waits on the row until this transaction ends, then sees it.
     *
     * @return false when the event was handled before, and its effect must not be applied again
     */
    public boolean firstDelivery(String consumer, UUID eventId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an event is marked handled only in the transaction of its effect");
        }
        return jdbc.sql("""
                                INSERT INTO messaging.handled_event (consumer, event_id) VALUES (:consumer, :eventId)
                                ON CONFLICT DO NOTHING
                                """)
                        .param("consumer", consumer)
                        .param("eventId", eventId)
                        .update()
                == 1;
    }

    /**
     * Forgets handled events older than {@code retention}. Keep it longer than the topics' retention, or a replay
     * from the earliest offset would apply old events again.
     */
    public int forgetOlderThan(Duration retention) {
        return jdbc.sql("""
                        DELETE FROM messaging.handled_event WHERE (consumer, event_id) IN (
                            SELECT consumer, event_id FROM messaging.handled_event
                            WHERE handled_at < now() - make_interval(secs => :retention)
                            LIMIT 10000)
                        """).param("retention", retention.toSeconds()).update();
    }
}
