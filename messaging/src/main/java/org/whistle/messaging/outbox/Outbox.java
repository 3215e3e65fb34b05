package org.whistle.messaging.outbox;

import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.whistle.events.EventCodec;
import org.whistle.events.EventEnvelope;
import org.whistle.messaging.tracing.EventTracing;

/**
 * Records events in the transaction of the state change that caused them. Nothing is sent here: the
 * {@link OutboxRelay} publishes after commit, so an event exists exactly when its state change does.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final OutboxLanes lanes;
    private final Consumer<Integer> afterCommit;
    private final EventTracing tracing;

    /**
     * @param afterCommit told which lane received events once their transaction commits, so a local relay can
     *     publish at once instead of waiting for its next poll
     */
    public Outbox(JdbcClient jdbc, OutboxLanes lanes, Consumer<Integer> afterCommit) {
        this(jdbc, lanes, afterCommit, EventTracing.NONE);
    }

    /** @param tracing stamps each event with the trace current when it is written (ADR 0048) */
    public Outbox(JdbcClient jdbc, OutboxLanes lanes, Consumer<Integer> afterCommit, EventTracing tracing) {
        this.jdbc = jdbc;
        this.lanes = lanes;
        this.afterCommit = afterCommit;
        this.tracing = tracing;
    }

    /**
     * Appends an event to the outbox within the caller's transaction. The event is stored in the trace current now:
     * its envelope's trace id and the row's {@code traceparent} header, which the relay continues, name it.
     *
     * @throws IllegalStateException outside a transaction, where an event could outlive a rolled-back change
     */
    public void append(EventEnvelope<?> event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "the outbox records events only inside the transaction of the state change that caused them");
        }
        var stamped = tracing.stamp(event);
        int lane = lanes.laneOf(event.key());
        jdbc.sql("""
                        INSERT INTO messaging.outbox_event (event_id, topic, record_key, lane, payload, headers)
                        VALUES (:eventId, :topic, :key, :lane, CAST(:payload AS jsonb), CAST(:headers AS jsonb))
                        """)
                .param("eventId", event.id())
                .param("topic", event.topic())
                .param("key", event.key())
                .param("lane", lane)
                .param("payload", EventCodec.instance().encodeToString(stamped.event()))
                .param("headers", HeadersColumn.write(stamped.headers()))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                afterCommit.accept(lane);
            }
        });
    }
}
