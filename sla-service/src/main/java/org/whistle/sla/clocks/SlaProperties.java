package org.whistle.sla.clocks;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
 * @param streams further Kafka Streams settings, passed through as they are (e.g. {@code commit.interval.ms})
 */
@ConfigurationProperties("whistle.sla")
public record SlaProperties(
        @DefaultValue("1") double timeScale,
        @DefaultValue("1s") Duration punctuationInterval,
        @DefaultValue("7d") Duration closedRetention,
        @DefaultValue("sla-service") String applicationId,
        @Nullable String stateDir,
        @Nullable String applicationServer,
        @DefaultValue Map<String, String> streams) {

    public SlaProperties {
        if (!(timeScale > 0)) {
            throw new IllegalArgumentException("whistle.sla.time-scale must be positive: " + timeScale);
        }
        streams = Map.copyOf(streams);
    }
}
