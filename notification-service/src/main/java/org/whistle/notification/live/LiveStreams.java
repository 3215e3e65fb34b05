package org.whistle.notification.live;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.whistle.notification.NotificationProperties;

/**
 * The open streams of this replica, by recipient address. A stream listens to several addresses (a user and the
 * user's unit); a heartbeat comment goes to every stream so that proxies keep idle ones open and dead ones are found.
 */
@Component
public class LiveStreams implements DisposableBean {

    /** Prefixes a unit's address on the streams of the unit's leaders (DEPARTMENT_LEADER): their 督办 copies. */
    public static final String LEADER_PREFIX = "leader:";

    /**
     * The address of one whistle's deliveries to one recipient: a reporter's 进度 page listens to its own whistle only,
     * and a stream opened for a whistle that is not the caller's hears nothing, since the address holds the caller.
     */
    public static String whistleAddress(String recipient, UUID whistleId) {
        return recipient + "/whistle:" + whistleId;
    }

    private final Map<String, Set<SseEmitter>> byAddress = new ConcurrentHashMap<>();
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    /** The whistle streams open per holder (a signed-in caller, or one whistle's ticket holders together). */
    private final Map<String, Set<SseEmitter>> byHolder = new ConcurrentHashMap<>();

    private final Map<SseEmitter, String> holderOf = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
    private final long timeoutMillis;
    private final int perHolder;

    LiveStreams(NotificationProperties properties) {
        this.timeoutMillis = properties.live().timeout().toMillis();
        this.perHolder = properties.live().whistleStreamsPerCaller();
        long every = properties.live().heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    }

    /** Opens a stream for these addresses; the first line tells the client it is connected. */
    public SseEmitter open(Collection<String> addresses) {
        return open(new SseEmitter(timeoutMillis), addresses);
    }

    /**
     * Opens a whistle stream counted against its holder, closed at {@code lifetime} if that comes before the usual
     * timeout (a ticket's expiry). Refused when the holder already holds as many as allowed: a caller naming whistle
     * after whistle would otherwise keep a connection and a thread's worth of memory each for as long as they like.
     */
    public SseEmitter openHeld(String holder, Collection<String> addresses, Duration lifetime) {
        var emitter = new SseEmitter(Math.max(1, Math.min(timeoutMillis, lifetime.toMillis())));
        var refused = new boolean[1];
        byHolder.compute(holder, (key, held) -> {
            var streams = held == null ? ConcurrentHashMap.<SseEmitter>newKeySet() : held;
            if (streams.size() >= perHolder) {
                refused[0] = true;
            } else {
                streams.add(emitter);
                holderOf.put(emitter, holder);
            }
            return streams;
        });
        if (refused[0]) {
            throw new TooManyStreamsException(perHolder);
        }
        return open(emitter, addresses);
    }

    /** How many whistle streams the holder has open on this replica. */
    public int held(String holder) {
        return byHolder.getOrDefault(holder, Set.of()).size();
    }

    private SseEmitter open(SseEmitter emitter, Collection<String> addresses) {
        open.add(emitter);
        addresses.forEach(address -> byAddress
                .computeIfAbsent(address, key -> ConcurrentHashMap.newKeySet())
                .add(emitter));
        Runnable close = () -> forget(emitter);
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(failure -> close.run());
        try {
            emitter.send(SseEmitter.event().name("connected").data(String.join(",", addresses)));
        } catch (IOException e) {
            forget(emitter);
        }
        return emitter;
    }

    /** Sends an event to every stream listening to the address; returns how many got it. */
    public int publish(String address, String id, String name, Object data) {
        var emitters = byAddress.getOrDefault(address, Set.of());
        int reached = 0;
        for (var emitter : emitters) {
            try {
                emitter.send(SseEmitter.event().id(id).name(name).data(data, MediaType.APPLICATION_JSON));
                reached++;
            } catch (IOException | IllegalStateException e) {
                forget(emitter);
            }
        }
        return reached;
    }

    private void heartbeat() {
        for (var emitter : open) {
            try {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException e) {
                forget(emitter);
            }
        }
    }

    private void forget(SseEmitter emitter) {
        open.remove(emitter);
        byAddress.values().forEach(emitters -> emitters.remove(emitter));
        var holder = holderOf.remove(emitter);
        if (holder != null) {
            // a holder whose last stream closed is dropped, so the map does not keep everyone who ever opened one
            byHolder.computeIfPresent(holder, (key, held) -> {
                held.remove(emitter);
                return held.isEmpty() ? null : held;
            });
        }
    }

    @Override
    public void destroy() {
        heartbeats.shutdownNow();
        open.forEach(SseEmitter::complete);
    }
}
