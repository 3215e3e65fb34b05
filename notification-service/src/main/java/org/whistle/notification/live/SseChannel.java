package org.whistle.notification.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.whistle.notification.delivery.Delivery;
import org.whistle.notification.delivery.LiveUpdates;

/**
 * Pushes live deliveries to the recipients' open streams on this replica, after the transaction that planned them
 * committed, on a virtual thread of their own so that a slow stream never holds up planning. Nobody listening is no
 * failure: live pages load their state when they connect and the inbox keeps what matters. What happened to them is
 * counted, not logged per delivery (ADR 0056): {@code whistle.notification.live.pushes} by outcome.
 */
@Component
class SseChannel implements LiveUpdates, DisposableBean {

    /** Pushes waiting on streams at once; past this a push is given up (counted as {@code dropped}). */
    static final int MAX_PUSHES_IN_FLIGHT = 256;

    private static final Logger LOG = LoggerFactory.getLogger(SseChannel.class);

    /**
     * What a live page receives, named by the event type; {@code feed} false when it only tells the page to reload
     * (nothing for this reader to act on).
     */
    record LiveNotification(
            UUID eventId,
            String eventType,
            @Nullable UUID whistleId,
            String recipient,
            String title,
            String body,
            boolean leader,
            String urgency,
            Instant at,
            boolean feed) {}

    private final LiveStreams streams;
    private final Clock clock;
    private final ExecutorService pushing = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore inFlight = new Semaphore(MAX_PUSHES_IN_FLIGHT);
    private final Counter reached;
    private final Counter unheard;
    private final Counter dropped;

    SseChannel(LiveStreams streams, Clock clock, MeterRegistry meters) {
        this.streams = streams;
        this.clock = clock;
        this.reached = pushes(meters, "reached", "heard by at least one open stream");
        this.unheard = pushes(meters, "unheard", "no stream of the recipient open on this replica");
        this.dropped = pushes(meters, "dropped", "given up: too many pushes waiting on slow streams");
    }

    private static Counter pushes(MeterRegistry meters, String outcome, String description) {
        return Counter.builder("whistle.notification.live.pushes")
                .description("Live (SSE) deliveries pushed after planning, by outcome: " + description)
                .tag("outcome", outcome)
                .register(meters);
    }

    @Override
    public void push(List<Delivery> deliveries) {
        if (!inFlight.tryAcquire()) {
            dropped.increment(deliveries.size());
            LOG.warn(
                    "{} live update(s) given up: {} pushes are waiting on streams",
                    deliveries.size(),
                    MAX_PUSHES_IN_FLIGHT);
            return;
        }
        try {
            pushing.execute(() -> {
                try {
                    deliveries.forEach(this::pushOne);
                } finally {
                    inFlight.release();
                }
            });
        } catch (RuntimeException shutDown) {
            inFlight.release();
            dropped.increment(deliveries.size());
        }
    }

    private void pushOne(Delivery delivery) {
        // a leader's copy (督办) goes to the unit's leaders' streams only
        var address = (delivery.leader() ? LiveStreams.LEADER_PREFIX : "")
                + delivery.recipient().address();
        var id = delivery.eventId().toString();
        var notification = new LiveNotification(
                delivery.eventId(),
                delivery.eventType(),
                delivery.whistleId(),
                delivery.recipient().address(),
                delivery.title(),
                delivery.body(),
                delivery.leader(),
                delivery.urgency().name(),
                clock.instant(),
                delivery.feed());
        int heard = streams.publish(address, id, delivery.eventType(), notification);
        if (delivery.whistleId() != null) {
            heard += streams.publish(
                    LiveStreams.whistleAddress(address, delivery.whistleId()), id, delivery.eventType(), notification);
        }
        (heard > 0 ? reached : unheard).increment();
    }

    @Override
    public void destroy() {
        pushing.shutdownNow();
    }
}
