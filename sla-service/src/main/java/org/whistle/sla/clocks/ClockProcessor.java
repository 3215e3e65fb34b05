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
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.whistle.events.EventCodec;
import org.whistle.events.EventDecodingException;
import org.whistle.events.EventEnvelope;
import org.whistle.events.TicketId;
import org.whistle.events.TraceIds;
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
 */
final class ClockProcessor implements Processor<String, byte[], String, Object> {

    static final String PRODUCER = "sla-service";
    static final String REASON_HEADER = "whistle-dlt-reason";
    private static final Logger log = LoggerFactory.getLogger(ClockProcessor.class);
    private static final int BATCH = 10_000;

    private final Deadlines deadlines;
    private final Clock clock;
    private final Duration punctuationInterval;
    private final ClockObserver observer;
    private long running;

    private @Nullable ProcessorContext<String, Object> context;
    private @Nullable KeyValueStore<String, TicketClocks> sheets;
    private @Nullable KeyValueStore<String, String> due;
    private @Nullable KeyValueStore<String, String> ticketIds;
    private @Nullable KeyValueStore<String, Long> calendars;

    ClockProcessor(Deadlines deadlines, Clock clock, Duration punctuationInterval, ClockObserver observer) {
        this.deadlines = deadlines;
        this.clock = clock;
        this.punctuationInterval = punctuationInterval;
        this.observer = observer;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        sheets = context.getStateStore(ClockStores.SHEETS);
        due = context.getStateStore(ClockStores.DUE);
        ticketIds = context.getStateStore(ClockStores.TICKET_IDS);
        calendars = context.getStateStore(ClockStores.CALENDARS);
        context.schedule(punctuationInterval, PunctuationType.WALL_CLOCK_TIME, ignored -> {
            replanChangedCalendars();
            fireDue();
        });
        // Once per task start, after restoration: the index holds one entry per running clock, plus forget timers.
        try (var entries = due().all()) {
            while (entries.hasNext()) {
                if (!entries.next().key.endsWith("|" + TicketClocks.FORGET)) {
                    running++;
                }
            }
        }
        observer.running(task(), running);
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
        if (record.value() == null) {
            return;
        }
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

    /** Fires everything due now: reads the due-time index from its start up to now, never the rest. */
    void fireDue() {
        var now = clock.instant();
        while (true) {
            var batch = new ArrayList<org.apache.kafka.streams.KeyValue<String, String>>();
            try (var entries = due().range(DueKey.FIRST, DueKey.upTo(now.toEpochMilli()))) {
                while (entries.hasNext() && batch.size() < BATCH) {
                    batch.add(entries.next());
                }
            }
            if (batch.isEmpty()) {
                return;
            }
            var byWhistle = batch.stream()
                    .collect(Collectors.groupingBy(
                            entry -> entry.value,
                            LinkedHashMap::new,
                            Collectors.mapping(entry -> entry.key, Collectors.toList())));
            byWhistle.forEach((whistleId, keys) -> fire(whistleId, keys, now));
            if (batch.size() < BATCH) {
                return;
            }
        }
    }

    private void fire(String whistleId, List<String> dueKeys, java.time.Instant now) {
        var sheet = sheets().get(whistleId);
        if (sheet == null) {
            dueKeys.forEach(due()::delete);
            return;
        }
        var before = sheet.timers();
        if (sheet.forgettable(now)) {
            before.forEach(timer -> due().delete(DueKey.of(timer)));
            running -= clockTimers(before);
            dueKeys.forEach(due()::delete);
            sheet.ticketId().ifPresent(ticketIds()::delete);
            sheets().delete(whistleId);
            return;
        }
        var firings = sheet.fire(now);
        var after = save(sheet, before);
        var current = after.stream().map(DueKey::of).collect(Collectors.toSet());
        dueKeys.stream().filter(key -> !current.contains(key)).forEach(due()::delete);
        firings.forEach(firing -> publish(firing, now));
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
        running += clockTimers(after) - clockTimers(before);
        observer.running(task(), running);
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
        var envelope = EventEnvelope.wrap(escalated, firing.revision(), PRODUCER, TraceIds.newTraceId(), clock);
        context()
                .forward(
                        new Record<String, Object>(firing.whistleId(), envelope, now.toEpochMilli()),
                        ClockTopology.ESCALATED_SINK);
        log.info(
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

    private KeyValueStore<String, String> ticketIds() {
        return java.util.Objects.requireNonNull(ticketIds, "processor not initialised");
    }
}
