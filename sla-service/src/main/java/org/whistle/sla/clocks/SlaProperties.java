package org.whistle.sla.clocks;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the SLA service runs its clocks.
 *
 * @param timeScale policy time per real time: 1 runs policies as written; 60 makes one policy minute last one real
 *     second (the local-stack demo). Durations and extensions are divided by it ({@code WHISTLE_SLA_TIME_SCALE}).
 * @param punctuationInterval how often each task looks for due clocks; the worst-case lateness of a warning or
 *     escalation, plus the commit interval
 * @param closedRetention how long a closed ticket's clocks stay readable before its sheet is forgotten (real time)
 * @param applicationId the Kafka Streams application id: consumer group, and prefix of changelog topics
 * @param stateDir where RocksDB keeps the stores; defaults to a folder under the temporary directory
 * @param applicationServer this instance's {@code host:port} as other instances reach its HTTP API; set it when
 *     running more than one instance, so reads of tickets held elsewhere are forwarded there
 * @param streams further Kafka Streams settings, passed through as they are; they win over the settings above
 * @param commitInterval how often processed lifecycle events are committed: the stores' caches keep only the last
 *     write of a key per commit, so a longer interval writes fewer changelog records; firings commit at once anyway
 * @param firingSlice the most due-index entries one punctuation fires before committing them (bursts, ADR 0031)
 * @param streamThreads stream threads of this instance; tasks (partitions) are spread over them
 * @param storeMemory all native memory of the RocksDB stores of this instance: block cache, index and filter blocks
 *     and memtables ({@link BoundedRocksDbMemory})
 * @param storeMemtables the part of {@code storeMemory} memtables may hold
 */
@ConfigurationProperties("whistle.sla")
public record SlaProperties(
        @DefaultValue("1") double timeScale,
        @DefaultValue("250ms") Duration punctuationInterval,
        @DefaultValue("7d") Duration closedRetention,
        @DefaultValue("sla-service") String applicationId,
        @Nullable String stateDir,
        @Nullable String applicationServer,
        @DefaultValue Map<String, String> streams,
        @DefaultValue("1s") Duration commitInterval,
        @DefaultValue("2000") int firingSlice,
        @DefaultValue("2") int streamThreads,
        @DefaultValue("64MB") DataSize storeMemory,
        @DefaultValue("16MB") DataSize storeMemtables) {

    public SlaProperties {
        if (!(timeScale > 0)) {
            throw new IllegalArgumentException("whistle.sla.time-scale must be positive: " + timeScale);
        }
        if (firingSlice < 1 || streamThreads < 1) {
            throw new IllegalArgumentException("whistle.sla.firing-slice and stream-threads must be positive: "
                    + firingSlice + ", " + streamThreads);
        }
        if (storeMemtables.toBytes() <= 0 || storeMemtables.toBytes() > storeMemory.toBytes() / 2) {
            throw new IllegalArgumentException("whistle.sla.store-memtables must be positive and at most half of"
                    + " store-memory: " + storeMemtables + " of " + storeMemory);
        }
        streams = Map.copyOf(streams);
    }

    /** The settings as the service's defaults have them, for code that builds the application outside Spring. */
    public static SlaProperties of(
            double timeScale,
            Duration punctuationInterval,
            Duration closedRetention,
            String applicationId,
            @Nullable String stateDir,
            @Nullable String applicationServer,
            Map<String, String> streams) {
        return new SlaProperties(
                timeScale,
                punctuationInterval,
                closedRetention,
                applicationId,
                stateDir,
                applicationServer,
                streams,
                Duration.ofSeconds(1),
                ClockTopology.DEFAULT_FIRING_SLICE,
                2,
                DataSize.ofMegabytes(64),
                DataSize.ofMegabytes(16));
    }
}
