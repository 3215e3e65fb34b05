package org.whistle.systemtests.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.whistle.systemtests.bench.LifecycleTarget.Step;

/** What the load generator saw: every successful transition, every refusal, every raise and when it was routed. */
final class Recorder {

    /** A transition carried out: when the answer came ({@link System#nanoTime}) and how long it took. */
    record Sample(Step step, long endNanos, long latencyNanos) {}

    /** A refused or unanswered request; the generator retries it. */
    record Failure(Step step, long atNanos, int status, String detail) {}

    /**
     * A raised whistle: when its raise was sent (wall clock, and {@link System#nanoTime}) and when the generator first
     * saw its ticket (nanoTime, 0 while not seen).
     */
    record Raised(String whistleId, long sentEpochMillis, long sentNanos, long routedNanos) {}

    private final Queue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final Queue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final Map<String, Raised> raised = new ConcurrentHashMap<>();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong givenUp = new AtomicLong();
    private final AtomicLong repeatedConflicts = new AtomicLong();

    void transition(Step step, long startNanos, long endNanos) {
        samples.add(new Sample(step, endNanos, endNanos - startNanos));
    }

    void failure(Step step, int status, String detail) {
        failures.add(new Failure(
                step, System.nanoTime(), status, detail.length() > 200 ? detail.substring(0, 200) : detail));
    }

    void raised(String whistleId, long sentEpochMillis, long sentNanos) {
        raised.put(whistleId, new Raised(whistleId, sentEpochMillis, sentNanos, 0));
    }

    void routed(String whistleId, long seenNanos) {
        raised.computeIfPresent(whistleId, (id, r) -> new Raised(id, r.sentEpochMillis(), r.sentNanos(), seenNanos));
    }

    void poll() {
        polls.incrementAndGet();
    }

    void gaveUp() {
        givenUp.incrementAndGet();
    }

    /** A retried transition was refused with 409: its first attempt had been carried out after all. */
    void repeatedConflict() {
        repeatedConflicts.incrementAndGet();
    }

    long polls() {
        return polls.get();
    }

    long givenUp() {
        return givenUp.get();
    }

    long repeatedConflicts() {
        return repeatedConflicts.get();
    }

    /** Transitions answered within [from, to). */
    long transitions(long fromNanos, long toNanos) {
        return samples.stream()
                .filter(s -> s.endNanos() >= fromNanos && s.endNanos() < toNanos)
                .count();
    }

    /** Lifecycles whose close was answered within [from, to). */
    long lifecycles(long fromNanos, long toNanos) {
        return samples.stream()
                .filter(s -> s.step() == Step.CLOSE && s.endNanos() >= fromNanos && s.endNanos() < toNanos)
                .count();
    }

    /** Latencies (ns) of the transitions of {@code step} (every step when null) answered within [from, to). */
    long[] latencies(Step step, long fromNanos, long toNanos) {
        return samples.stream()
                .filter(s -> (step == null || s.step() == step) && s.endNanos() >= fromNanos && s.endNanos() < toNanos)
                .mapToLong(Sample::latencyNanos)
                .sorted()
                .toArray();
    }

    List<Failure> failures(long fromNanos, long toNanos) {
        return failures.stream()
                .filter(f -> f.atNanos() >= fromNanos && f.atNanos() < toNanos)
                .toList();
    }

    List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** Raises sent within [from, to), with their routing time where seen. */
    List<Raised> raised(long fromNanos, long toNanos) {
        var list = new ArrayList<Raised>();
        for (var r : raised.values()) {
            if (r.sentNanos() >= fromNanos && r.sentNanos() < toNanos) {
                list.add(r);
            }
        }
        return list;
    }

    /** Every whistle acknowledged with 201. */
    List<Raised> raised() {
        return List.copyOf(raised.values());
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }
}
