package org.whistle.systemtests.bench;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.whistle.systemtests.bench.LifecycleTarget.Refused;
import org.whistle.systemtests.bench.LifecycleTarget.Step;

/**
 * Drives whole lifecycles against a {@link LifecycleTarget}, each on a virtual thread: raise, wait until the ticket is
 * routed (polling as a dispatcher's queue would show it), then file, summon, report in, done, verify and close, each
 * request sent once the previous one was answered. A refused or unanswered request is retried with back-off (the same
 * idempotency key for a raise) until {@code patience} runs out; a retry refused with 409 means the first attempt had
 * been carried out after all.
 *
 * <p>Two shapes: <b>closed</b> — {@code n} users, each starting the next lifecycle when the last one closed (the
 * ramp that finds the knee); <b>open</b> — lifecycles started at a fixed rate whatever the answers (latency at a
 * given load, and steady load for the fault tests).
 */
final class LoadGenerator {

    private static final Duration FIRST_POLL = Duration.ofMillis(10);
    private static final Duration MAX_POLL = Duration.ofMillis(100);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

    private final LifecycleTarget target;
    private final Recorder recorder;
    private final Duration patience;
    private final int abandonEvery;
    private final Duration think;
    private final AtomicLong sequence = new AtomicLong();
    private final Set<Thread> inFlight = ConcurrentHashMap.newKeySet();
    /** Lifecycles started before the current generation give up at their next retry (see {@link #abandonInFlight}). */
    private final AtomicLong generation = new AtomicLong();

    private final ThreadLocal<Long> started = new ThreadLocal<>();

    /**
     * @param abandonEvery every n-th lifecycle stops once routed and is left to its clocks (0: none), so that
     *     escalations and their notifications happen under load
     */
    LoadGenerator(LifecycleTarget target, Recorder recorder, Duration patience, int abandonEvery) {
        this(target, recorder, patience, abandonEvery, Duration.ZERO);
    }

    /**
     * @param think how long a person takes between two actions on a ticket (jittered ±50 %); zero for the throughput
     *     ramp, which asks how fast the system can go
     */
    LoadGenerator(LifecycleTarget target, Recorder recorder, Duration patience, int abandonEvery, Duration think) {
        this.target = target;
        this.recorder = recorder;
        this.patience = patience;
        this.abandonEvery = abandonEvery;
        this.think = think;
    }

    Recorder recorder() {
        return recorder;
    }

    /** A running shape; {@link #stop()} starts no new lifecycle and waits for those in flight to finish. */
    interface Run {
        void stop(Duration drain) throws InterruptedException;
    }

    /** {@code users} closed-loop users. */
    Run closed(int users) {
        var stopping = new AtomicBoolean();
        var threads = new Thread[users];
        for (int i = 0; i < users; i++) {
            threads[i] = Thread.ofVirtual().name("user-", i).start(() -> {
                while (!stopping.get()) {
                    lifecycle();
                }
            });
        }
        return drain -> {
            stopping.set(true);
            long deadline = System.nanoTime() + drain.toNanos();
            for (var thread : threads) {
                thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            }
        };
    }

    /** Lifecycles started at {@code perSecond}, evenly spaced. */
    Run open(double perSecond) {
        var stopping = new AtomicBoolean();
        long interval = (long) (1e9 / perSecond);
        var scheduler = Thread.ofPlatform().name("arrivals").start(() -> {
            long next = System.nanoTime();
            while (!stopping.get()) {
                Thread.ofVirtual().start(this::lifecycle);
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(Duration.ofNanos(wait));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
        return drain -> {
            stopping.set(true);
            scheduler.join();
            awaitInFlight(drain);
        };
    }

    /**
     * Sheds the load in flight, as people give up on a system that keeps refusing them: every lifecycle started so far
     * stops at its next retry; new ones keep arriving at the same rate.
     */
    void abandonInFlight() {
        generation.incrementAndGet();
    }

    private boolean current() {
        var mine = started.get();
        return mine == null || mine == generation.get();
    }

    /** Waits until no lifecycle is in flight, or {@code drain} is over. */
    void awaitInFlight(Duration drain) throws InterruptedException {
        long deadline = System.nanoTime() + drain.toNanos();
        for (var thread : Set.copyOf(inFlight)) {
            thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
    }

    int inFlight() {
        return inFlight.size();
    }

    /** One lifecycle, raise to close; false if a step ran out of patience. */
    boolean lifecycle() {
        var thread = Thread.currentThread();
        inFlight.add(thread);
        started.set(generation.get());
        try {
            long n = sequence.incrementAndGet();
            var key = UUID.randomUUID().toString();
            long sentMillis = System.currentTimeMillis();
            long sent = System.nanoTime();
            var whistle = attempt(Step.RAISE, () -> target.raise(key, n), null);
            if (whistle.isEmpty()) {
                return false;
            }
            recorder.raised(whistle.get(), sentMillis, sent);
            var ticket = awaitRouted(whistle.get());
            if (ticket.isEmpty()) {
                return false;
            }
            if (abandonEvery > 0 && n % abandonEvery == 0) {
                return true;
            }
            for (var step : Step.AFTER_ROUTING) {
                if (!think.isZero()) {
                    sleep(jittered(think));
                }
                if (attempt(
                                step,
                                () -> {
                                    target.act(step, ticket.get());
                                    return step;
                                },
                                step)
                        .isEmpty()) {
                    return false;
                }
            }
            return true;
        } finally {
            inFlight.remove(thread);
        }
    }

    private Optional<String> awaitRouted(String whistle) {
        long deadline = System.nanoTime() + patience.toNanos();
        var pause = FIRST_POLL;
        var backoff = FIRST_BACKOFF;
        while (System.nanoTime() < deadline && current()) {
            recorder.poll();
            try {
                var ticket = target.routed(whistle);
                if (ticket.isPresent()) {
                    recorder.routed(whistle, System.nanoTime());
                    return ticket;
                }
            } catch (Refused e) {
                // Refused, not "not yet": back off as for any refused request, so that an outage is not hammered.
                recorder.failure(Step.RAISE, e.status(), "routed? " + e.getMessage());
                sleep(jittered(backoff));
                backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
                continue;
            }
            sleep(pause);
            pause = min(pause.multipliedBy(3).dividedBy(2), MAX_POLL);
        }
        recorder.gaveUp();
        return Optional.empty();
    }

    /**
     * @param alreadyDone the result when a retry is refused with 409 because an earlier attempt went through although
     *     its answer was lost; null where a 409 is a refusal like any other
     */
    private <T> Optional<T> attempt(Step step, Supplier<T> request, @Nullable T alreadyDone) {
        long deadline = System.nanoTime() + patience.toNanos();
        var backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            long start = System.nanoTime();
            try {
                var result = request.get();
                recorder.transition(step, start, System.nanoTime());
                return Optional.of(result);
            } catch (Refused e) {
                if (attempt > 1 && e.status() == 409 && alreadyDone != null) {
                    recorder.repeatedConflict();
                    recorder.transition(step, start, System.nanoTime());
                    return Optional.of(alreadyDone);
                }
                recorder.failure(step, e.status(), e.getMessage());
            } catch (RuntimeException e) {
                recorder.failure(step, -1, e.toString());
            }
            if (System.nanoTime() + backoff.toNanos() > deadline || !current()) {
                recorder.gaveUp();
                return Optional.empty();
            }
            sleep(jittered(backoff));
            backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
        }
    }

    /** Between half and one and a half times {@code backoff}, so that retries after an outage do not come in waves. */
    private static Duration jittered(Duration backoff) {
        return Duration.ofNanos(
                (long) (backoff.toNanos() * (0.5 + ThreadLocalRandom.current().nextDouble())));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
