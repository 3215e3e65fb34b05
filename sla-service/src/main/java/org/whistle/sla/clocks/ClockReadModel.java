package org.whistle.sla.clocks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jspecify.annotations.Nullable;
import org.whistle.events.CommandLevel;
import org.whistle.sla.clocks.domain.ClockState;
import org.whistle.sla.clocks.domain.TicketClocks;

/**
 * Reads the clock sheets this instance holds, through Kafka Streams interactive queries: one ticket by whistle or
 * ticket id, and counts for dashboards. It knows only its own partitions; {@link #otherInstances()} names the rest
 * of the application, which the web edge asks for what is not here.
 */
public final class ClockReadModel {

    private final SlaStreams streams;
    private final Clock clock;
    private final @Nullable HostInfo self;

    public ClockReadModel(SlaStreams streams, Clock clock, @Nullable String applicationServer) {
        this.streams = streams;
        this.clock = clock;
        this.self = applicationServer == null || applicationServer.isBlank()
                ? null
                : HostInfo.buildFromEndpoint(applicationServer);
    }

    /** The store is rebalancing or restoring; the caller should try again shortly. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    /** A ticket's sheet held here, found by whistle id or by ticket id. */
    public Optional<TicketClocks> ticket(String whistleOrTicketId) {
        var local = sheets();
        var sheet = local.get(whistleOrTicketId);
        if (sheet == null) {
            String whistleId = this.<String>store(ClockStores.TICKET_IDS).get(whistleOrTicketId);
            if (whistleId != null) {
                sheet = local.get(whistleId);
            }
        }
        return Optional.ofNullable(sheet);
    }

    /** The instance whose partition holds a whistle id's sheet, when several instances run and it is another. */
    public Optional<HostInfo> ownerElsewhere(String whistleId) {
        if (self == null) {
            return Optional.empty();
        }
        var metadata = running()
                .queryMetadataForKey(
                        ClockStores.SHEETS, whistleId, new org.apache.kafka.common.serialization.StringSerializer());
        if (metadata == null
                || metadata.activeHost() == null
                || metadata.activeHost().port() < 0) {
            return Optional.empty();
        }
        return metadata.activeHost().equals(self) ? Optional.empty() : Optional.of(metadata.activeHost());
    }

    /** Every other instance of the application that serves queries. */
    public List<HostInfo> otherInstances() {
        if (self == null) {
            return List.of();
        }
        return running().metadataForAllStreamsClients().stream()
                .map(org.apache.kafka.streams.StreamsMetadata::hostInfo)
                .filter(host -> host.port() >= 0 && !host.equals(self))
                .distinct()
                .toList();
    }

    /** One row of the dashboard counts: outstanding clocks for a level and answering unit. */
    public record SummaryRow(CommandLevel level, String unit, long running, long dueSoon, long overdue, long paused) {

        SummaryRow plus(SummaryRow other) {
            return new SummaryRow(
                    level,
                    unit,
                    running + other.running,
                    dueSoon + other.dueSoon,
                    overdue + other.overdue,
                    paused + other.paused);
        }
    }

    /**
     * Outstanding clocks on this instance by the ticket's level and the unit that answers for the clock (the late
     * unit, or the owning centre for the centre's own clocks): running, due soon (past the warning ratio), overdue
     * (expired, step still outstanding), paused. Reads every sheet held here: meant for dashboards polled every few
     * seconds, not per request at scale.
     */
    public List<SummaryRow> summary(@Nullable CommandLevel level, @Nullable String unit) {
        return summary(level, unit, sheet -> true);
    }

    /** The same, counting only the tickets {@code visible} lets through (a caller's scope). */
    public List<SummaryRow> summary(
            @Nullable CommandLevel level, @Nullable String unit, java.util.function.Predicate<TicketClocks> visible) {
        var now = clock.instant();
        var rows = new TreeMap<String, SummaryRow>();
        try (var sheets = sheets().all()) {
            while (sheets.hasNext()) {
                var sheet = sheets.next().value;
                if ((level != null && sheet.level() != level) || !visible.test(sheet)) {
                    continue;
                }
                count(sheet, unit, now, rows);
            }
        }
        return new ArrayList<>(rows.values());
    }

    /** Adds rows from several instances up. */
    public static List<SummaryRow> merge(List<SummaryRow> rows) {
        var merged = new TreeMap<String, SummaryRow>();
        rows.forEach(row -> merged.merge(row.level() + "|" + row.unit(), row, SummaryRow::plus));
        return new ArrayList<>(merged.values());
    }

    private static void count(TicketClocks sheet, @Nullable String unit, Instant now, Map<String, SummaryRow> rows) {
        for (var clock : sheet.clocks()) {
            if (!clock.outstanding()) {
                continue;
            }
            var late = sheet.lateUnit(clock);
            var answering = late != null ? late : sheet.owningCentreId().orElse("-");
            if (unit != null && !unit.equals(answering)) {
                continue;
            }
            var state = clock.state();
            var dueSoon = state == ClockState.RUNNING && !now.isBefore(clock.warnAt()) && now.isBefore(clock.dueAt());
            var row = new SummaryRow(
                    sheet.level(),
                    answering,
                    state == ClockState.RUNNING ? 1 : 0,
                    dueSoon ? 1 : 0,
                    state == ClockState.EXPIRED ? 1 : 0,
                    state == ClockState.PAUSED ? 1 : 0);
            rows.merge(sheet.level() + "|" + answering, row, SummaryRow::plus);
        }
    }

    private ReadOnlyKeyValueStore<String, TicketClocks> sheets() {
        return store(ClockStores.SHEETS);
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        try {
            return running().store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new Unavailable("the SLA stores are being restored or moved: " + e.getMessage(), e);
        }
    }

    private KafkaStreams running() {
        return streams.streams().orElseThrow(() -> new Unavailable("the SLA streams are not running", null));
    }
}
