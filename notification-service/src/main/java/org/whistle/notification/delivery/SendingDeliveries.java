package org.whistle.notification.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.whistle.notification.NotificationProperties;
import org.whistle.notification.delivery.domain.DeliveryStatus;
import org.whistle.notification.delivery.domain.QuietRules;
import org.whistle.notification.rules.domain.ChannelKind;
import org.whistle.security.personaldata.PersonalData;

/**
 * Sends planned deliveries: woken when a planning transaction commits, and polling for what other replicas or a
 * crash left behind. Each delivery runs on a virtual thread through its channel's {@link ChannelGuard}; at most
 * {@code senders} run at once. On its own timer ({@code release-interval}) it lets held-back reporter messages out as
 * digests once their release time has come: one statement per tick whatever the number of groups held back, so an
 * idle service costs the same however much history it holds.
 */
@Component
public class SendingDeliveries implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SendingDeliveries.class);
    private static final int BATCH = 50;

    private final DeliveryLog log;
    private final Map<ChannelKind, Channel> channels = new EnumMap<>(ChannelKind.class);
    private final Map<ChannelKind, ChannelGuard> guards = new EnumMap<>(ChannelKind.class);
    private final NotificationProperties properties;
    private final QuietRules quiet;
    private final Clock clock;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore inFlight;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile boolean running;
    private ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

    SendingDeliveries(DeliveryLog log, List<Channel> channels, NotificationProperties properties, Clock clock) {
        this.log = log;
        this.properties = properties;
        this.clock = clock;
        this.quiet = new QuietRules(properties.reporterHourlyLimit(), properties.reporterWindow());
        this.inFlight = new Semaphore(properties.senders());
        for (var channel : channels) {
            var name = channel.kind().name().toLowerCase(Locale.ROOT);
            this.channels.put(channel.kind(), channel);
            this.guards.put(channel.kind(), new ChannelGuard(name, properties.resilience(name), workers, clock));
        }
    }

    /** Looks for work now rather than at the next poll. */
    public void wake() {
        if (running && wakeQueued.compareAndSet(false, true)) {
            ticker.execute(() -> {
                wakeQueued.set(false);
                drain();
            });
        }
    }

    /** One poll: claims and sends what is pending. */
    void drain() {
        try {
            List<Delivery> batch;
            do {
                batch = log.claim(BATCH, clock.instant(), properties.claimLease());
                for (var delivery : batch) {
                    inFlight.acquire();
                    workers.execute(() -> {
                        try {
                            deliver(delivery);
                        } finally {
                            inFlight.release();
                        }
                    });
                }
            } while (batch.size() == BATCH && running);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("could not look for deliveries: {}", e.toString());
        }
    }

    private void deliver(Delivery delivery) {
        var channel = channels.get(delivery.channel());
        var attempts = new ArrayList<DeliveryLog.Attempt>();
        DeliveryStatus status;
        String detail;
        if (channel == null) {
            status = DeliveryStatus.UNREACHABLE;
            detail = "no " + delivery.channel() + " channel configured";
        } else {
            try {
                detail = guards.get(delivery.channel()).send(channel, delivery, attempts);
                status = DeliveryStatus.SENT;
            } catch (Undeliverable e) {
                status = e.unreachable() ? DeliveryStatus.UNREACHABLE : DeliveryStatus.FAILED;
                detail = e.getMessage();
            } catch (Throwable e) {
                status = DeliveryStatus.FAILED;
                detail = ChannelGuard.describe(e);
            }
        }
        try {
            log.finish(delivery.id(), status, detail, attempts, clock.instant());
            if (channel != null) {
                channel.settled(delivery, status == DeliveryStatus.SENT, detail);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not record delivery {}: {}", delivery.id(), e.toString());
        }
        if (status == DeliveryStatus.SENT) {
            LOG.debug("delivery {} {} to {} sent: {}", delivery.id(), delivery.channel(), delivery.recipient(), detail);
        } else {
            LOG.warn(
                    "delivery {} {} to {} {} after {} attempt(s): {}",
                    delivery.id(),
                    delivery.channel(),
                    delivery.recipient(),
                    status,
                    attempts.size(),
                    PersonalData.phonesIn(detail));
        }
    }

    /** One release tick: held-back groups that are due go out as digests, then the sender looks for them. */
    void releaseDigests() {
        try {
            if (log.releaseDue(clock.instant(), quiet.reporterLimit(), quiet.window()) > 0) {
                wake();
            }
        } catch (RuntimeException e) {
            LOG.warn("could not release held-back deliveries: {}", e.toString());
        }
    }

    @Override
    public void start() {
        if (ticker.isShutdown()) {
            ticker = Executors.newSingleThreadScheduledExecutor();
        }
        running = true;
        long every = properties.pollInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::drain, every, every, TimeUnit.MILLISECONDS);
        long release = properties.releaseInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::releaseDigests, release, release, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
