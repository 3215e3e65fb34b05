package org.whistle.sla.clocks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.whistle.events.EventCodec;
import org.whistle.events.EventDecodingException;
import org.whistle.events.EventEnvelope;
import org.whistle.events.TicketId;
import org.whistle.events.Topics;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleEvent;
import org.whistle.events.WhistleId;
import org.whistle.events.WhistleRaised;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;
import org.whistle.sla.clocks.domain.Deadlines;
import org.whistle.sla.clocks.domain.Firing;
import org.whistle.sla.clocks.domain.TicketClocks;
import org.whistle.sla.clocks.domain.Timer;

/**
 * Applies whistle lifecycle events to the tickets' clock sheets and, on a wall-clock punctuation, fires what is due.
 * Store writes and published events of one record or one punctuation commit in one exactly-once transaction, so a
 * crash repeats the work with the same state and nothing is published twice.
 *
 * <p>A burst (a hundred thousand clocks due in one second) is fired in slices of at most {@code firingSlice} index
 * entries: each slice asks for a commit at once, so its warnings and escalations become visible to read-committed
 * consumers while the next slice is fired, instead of all of them at the end of one long transaction; a short
 * catch-up punctuation continues until nothing due is left (ADR 0031).
 */
final class ClockProcessor implements Processor<String, byte[], String, Object> {

    static final String PRODUCER = "sla-service";
    static final String REASON_HEADER = "whistle-dlt-reason";
    private static final Logger log = LoggerFactory.getLogger(ClockProcessor.class);
    /** The key in the {@linkplain ClockStores#COUNTS counts store} of the task's running clocks. */
    static final String RUNNING = "running-clocks";

    /** How soon the next slice of a burst is fired after the previous one was committed. */
    static final Duration CATCH_UP = Duration.ofMillis(10);

    private final Deadlines deadlines;
    private final Clock clock;
    private final Duration punctuationInterval;
    private final int firingSlice;
    private final ClockObserver observer;
    private final ClockTracing tracing;
    private long running;
    private @Nullable Cancellable catchingUp;
    /** The count was taken from the index at start-up and is stored at the first record or punctuation. */
    private boolean countToStore;

    private @Nullable ProcessorContext<String, Object> context;
    private @Nullable KeyValueStore<String, TicketClocks> sheets;
    private @Nullable KeyValueStore<String, String> due;
    private @Nullable KeyValueStore<String, String> ticketIds;
    private @Nullable KeyValueStore<String, Long> calendars;
    private @Nullable KeyValueStore<String, Long> counts;

    ClockProcessor(
            Deadlines deadlines,
            Clock clock,
            Duration punctuationInterval,
            int firingSlice,
            ClockObserver observer,
            ClockTracing tracing) {
        if (firingSlice < 1) {
            throw new IllegalArgumentException("the firing slice must be positive: " + firingSlice);
        }
        this.deadlines = deadlines;
        this.clock = clock;
        this.punctuationInterval = punctuationInterval;
        this.firingSlice = firingSlice;
        this.observer = observer;
        this.tracing = tracing;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        sheets = context.getStateStore(ClockStores.SHEETS);
        due = context.getStateStore(ClockStores.DUE);
        ticketIds = context.getStateStore(ClockStores.TICKET_IDS);
        calendars = context.getStateStore(ClockStores.CALENDARS);
        counts = context.getStateStore(ClockStores.COUNTS);
        catchingUp = null;
        context.schedule(punctuationInterval, PunctuationType.WALL_CLOCK_TIME, ignored -> {
            storeCountTaken();
            replanChangedCalendars();
            fireDue();
        });
        var counted = counts().get(RUNNING);
        countToStore = counted == null;
        running = counted != null ? counted : countIndex();
        observer.running(task(), running);
    }

    /**
     * Counts the running clocks from the due index: only for a task whose count was never kept (its stores predate
     * the counts store); from then on the count is kept as clocks change, and a starting task reads one key.
     */
    private long countIndex() {
        long clocks = 0;
        try (var entries = due().all()) {
            while (entries.hasNext()) {
                if (!entries.next().key.endsWith("|" + TicketClocks.FORGET)) {
                    clocks++;
                }
            }
        }
        return clocks;
    }

    /** Stores a count taken from the index: not in {@link #init}, where a store write has no record to belong to. */
    private void storeCountTaken() {
        if (countToStore) {
            counts().put(RUNNING, running);
            countToStore = false;
        }
    }

    @Override
    public void close() {
        if (context != null) {
            observer.closed(task());
        }
    }

    private String task() {
        return context().taskId().toString();
    }

    @Override
    public void process(Record<String, byte[]> record) {
        storeCountTaken();
        if (record.value() == null) {
            return;
        }
        var topic = context().recordMetadata().map(RecordMetadata::topic).orElse(ClockTopology.SOURCE);
        try (var processing = tracing.processing(topic, record.headers())) {
            apply(record, processing.cause());
        }
    }

    private void apply(Record<String, byte[]> record, @Nullable String cause) {
        EventEnvelope<?> envelope;
        try {
            envelope = EventCodec.instance().decode(record.value());
        } catch (EventDecodingException e) {
            deadLetter(record, e.getMessage());
            return;
        }
        if (!(envelope.data() instanceof WhistleEvent event)) {
            deadLetter(record, "not a whistle event: " + envelope.type());
            return;
        }
        if (envelope.isHistory()) {
            // Generated history happened long ago (ADR 0032): no clock starts, nothing escalates.
            log.debug("Passing over history {} {} for {}", envelope.type(), envelope.id(), event.whistleId());
            return;
        }
        var whistleId = event.whistleId().toString();
        var stored = sheets().get(whistleId);
        var sheet = stored != null ? stored : TicketClocks.of(whistleId);
        if (!sheet.accept(envelope.producer(), envelope.revision())) {
            log.debug(
                    "Ignoring {} revision {} from {} for {}: stale or repeated",
                    envelope.type(),
                    envelope.revision(),
                    envelope.producer(),
                    whistleId);
            return;
        }
        var before = sheet.timers();
        sheet.causedBy(cause);
        try {
            switch (event) {
                case WhistleRaised raised -> sheet.raised(raised, deadlines);
                case WhistleRouted routed -> sheet.routed(routed, deadlines);
                case WhistleReported reported -> sheet.reported(reported, deadlines);
                case WhistleClosed closed -> sheet.closed(closed, deadlines);
                default -> {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // A fact the rules cannot take must not stop every other ticket's clocks; it waits in the DLT with why.
            log.warn("Dead-lettering {} for {}", envelope.type(), whistleId, e);
            deadLetter(record, String.valueOf(e.getMessage()));
            return;
        }
        save(sheet, before);
    }

    /**
     * Re-plans the running clocks of every calendar whose revision differs from the one this task last planned with
     * (a calendar published or changed since), before firing, so nothing fires on a deadline that no longer holds.
     * Reads every sheet of the task once per changed calendar: calendars change a few times a year.
     */
    void replanChangedCalendars() {
        for (var calendar : deadlines.calendarRevisions().entrySet()) {
            var planned = calendars().get(calendar.getKey());
            if (planned != null && planned.longValue() == calendar.getValue()) {
                continue;
            }
            var moved = 0;
            // A RocksDB iterator reads a snapshot, so the sheets can be written back as they are found.
            try (var all = sheets().all()) {
                while (all.hasNext()) {
                    var sheet = all.next().value;
                    var before = sheet.timers();
                    if (sheet.calendarChanged(calendar.getKey(), calendar.getValue(), deadlines)) {
                        save(sheet, before);
                        moved++;
                    }
                }
            }
            calendars().put(calendar.getKey(), calendar.getValue());
            if (moved > 0) {
                log.info(
                        "Calendar {} is at revision {}: re-planned the clocks of {} tickets",
                        calendar.getKey(),
                        calendar.getValue(),
                        moved);
            }
        }
    }

    /**
     * Fires one slice of what is due now: reads the due-time index from its start up to now, never the rest, and at
     * most {@code firingSlice} entries of it. A full slice asks for a commit and for the catch-up punctuation, which
     * fires the next slice once this one is committed; the last slice cancels it.
     */
    void fireDue() {
        var now = clock.instant();
        var slice = new ArrayList<org.apache.kafka.streams.KeyValue<String, String>>();
        try (var entries = due().range(DueKey.FIRST, DueKey.upTo(now.toEpochMilli()))) {
            while (entries.hasNext() && slice.size() < firingSlice) {
                slice.add(entries.next());
            }
        }
        boolean more = false;
        if (!slice.isEmpty()) {
            var byWhistle = slice.stream()
                    .collect(Collectors.groupingBy(
                            entry -> entry.value,
                            LinkedHashMap::new,
                            Collectors.mapping(entry -> entry.key, Collectors.toList())));
            int published = 0;
            for (var due : byWhistle.entrySet()) {
                published += fire(due.getKey(), due.getValue(), now);
            }
            // Warnings and escalations are worth more now than after the commit interval.
            context().commit();
            if (slice.size() == firingSlice) {
                // A burst: the rest follows this slice's commit. Otherwise what a firing made due (the next step of
                // a long-overdue clock) waits for the next punctuation, and a timer that stays due cannot spin.
                try (var left = due().range(DueKey.FIRST, DueKey.upTo(now.toEpochMilli()))) {
                    more = left.hasNext();
                }
            }
            if (published > 0) {
                log.info("Published {} warnings and escalations{}", published, more ? ", more are due" : "");
            }
        }
        if (more && catchingUp == null) {
            catchingUp = context().schedule(CATCH_UP, PunctuationType.WALL_CLOCK_TIME, ignored -> fireDue());
        } else if (!more && catchingUp != null) {
            catchingUp.cancel();
            catchingUp = null;
        }
    }

    /** Fires a sheet's due timers; returns how many warnings and escalations it published. */
    private int fire(String whistleId, List<String> dueKeys, java.time.Instant now) {
        var sheet = sheets().get(whistleId);
        if (sheet == null) {
            dueKeys.forEach(due()::delete);
            return 0;
        }
        var before = sheet.timers();
        if (sheet.forgettable(now)) {
            before.forEach(timer -> due().delete(DueKey.of(timer)));
            count(-clockTimers(before));
            dueKeys.forEach(due()::delete);
            sheet.ticketId().ifPresent(ticketIds()::delete);
            sheets().delete(whistleId);
            return 0;
        }
        var firings = sheet.fire(now);
        var after = save(sheet, before);
        var current = after.stream().map(DueKey::of).collect(Collectors.toSet());
        dueKeys.stream().filter(key -> !current.contains(key)).forEach(due()::delete);
        firings.forEach(firing -> publish(firing, now));
        return firings.size();
    }

    private void count(long change) {
        if (change != 0) {
            running += change;
            counts().put(RUNNING, running);
            countToStore = false;
        }
        observer.running(task(), running);
    }

    private Set<Timer> save(TicketClocks sheet, Set<Timer> before) {
        var after = sheet.timers();
        var whistleId = sheet.whistleId();
        for (var timer : before) {
            if (!after.contains(timer)) {
                due().delete(DueKey.of(timer));
            }
        }
        for (var timer : after) {
            if (!before.contains(timer)) {
                due().put(DueKey.of(timer), whistleId);
            }
        }
        count(clockTimers(after) - clockTimers(before));
        sheets().put(whistleId, sheet);
        sheet.ticketId().ifPresent(ticketId -> {
            if (!whistleId.equals(ticketIds().get(ticketId))) {
                ticketIds().put(ticketId, whistleId);
            }
        });
        return new HashSet<>(after);
    }

    private static long clockTimers(Set<Timer> timers) {
        return timers.stream()
                .filter(timer -> !TicketClocks.FORGET.equals(timer.id()))
                .count();
    }

    private void publish(Firing firing, java.time.Instant now) {
        var whistleId = WhistleId.of(firing.whistleId());
        // Before filing the ticket id is not known yet; consumers find the ticket by the whistle's id.
        var ticketId = firing.ticketId() == null ? null : TicketId.of(firing.ticketId());
        var escalated = new WhistleEscalated(
                whistleId,
                ticketId,
                firing.kind(),
                firing.clock(),
                firing.clockId(),
                firing.unitId(),
                firing.fromLevel(),
                firing.toLevel(),
                firing.redList(),
                firing.startedAt(),
                firing.dueAt(),
                firing.firedAt());
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        var publication = tracing.publishing(Topics.WHISTLE_ESCALATED, firing.cause(), headers);
        try {
            var envelope = EventEnvelope.wrap(escalated, firing.revision(), PRODUCER, publication.traceId(), clock);
            context()
                    .forward(
                            new Record<String, Object>(firing.whistleId(), envelope, now.toEpochMilli(), headers),
                            ClockTopology.ESCALATED_SINK);
        } finally {
            publication.end();
        }
        log.debug(
                "{} {} for {} ({} → {}{})",
                firing.kind(),
                firing.clockId(),
                firing.unitId() == null ? "the command centre" : firing.unitId(),
                firing.fromLevel(),
                firing.toLevel() == null ? "-" : firing.toLevel(),
                firing.redList() ? ", red list" : "");
        observer.published(firing);
    }

    private void deadLetter(Record<String, byte[]> record, String reason) {
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders(
                record.headers().toArray());
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        context()
                .forward(
                        new Record<String, Object>(record.key(), record.value(), record.timestamp(), headers),
                        ClockTopology.DEAD_LETTER_SINK);
    }

    private ProcessorContext<String, Object> context() {
        return java.util.Objects.requireNonNull(context, "processor not initialised");
    }

    private KeyValueStore<String, TicketClocks> sheets() {
        return java.util.Objects.requireNonNull(sheets, "processor not initialised");
    }

    private KeyValueStore<String, String> due() {
        return java.util.Objects.requireNonNull(due, "processor not initialised");
    }

    private KeyValueStore<String, Long> calendars() {
        return java.util.Objects.requireNonNull(calendars, "processor not initialised");
    }

    private KeyValueStore<String, Long> counts() {
        return java.util.Objects.requireNonNull(counts, "processor not initialised");
    }

    private KeyValueStore<String, String> ticketIds() {
        return java.util.Objects.requireNonNull(ticketIds, "processor not initialised");
    }
}
