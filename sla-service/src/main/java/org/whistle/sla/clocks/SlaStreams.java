package org.whistle.sla.clocks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the SLA topology as a Kafka Streams application with the service: exactly-once v2, one stream thread (a
 * replica scales by running another instance, which takes over partitions and restores their stores from the
 * changelogs). Stopping leaves the consumer group so a surviving replica takes the partitions over at once.
 */
public final class SlaStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlaStreams.class);

    private final Topology topology;
    private final Properties config;
    private volatile @Nullable KafkaStreams streams;

    public SlaStreams(Topology topology, Properties config) {
        this.topology = topology;
        this.config = config;
    }

    /** The Kafka Streams configuration of the service, from its properties; explicit {@code streams} entries win. */
    public static Properties config(SlaProperties properties, String bootstrapServers) {
        var config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        config.put(
                StreamsConfig.STATE_DIR_CONFIG,
                properties.stateDir() != null && !properties.stateDir().isBlank()
                        ? properties.stateDir()
                        : Path.of(System.getProperty("java.io.tmpdir"), "whistle-sla")
                                .toString());
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // A killed instance's tasks move (or come back to it restarted) once its session expires: 10 s, not Kafka's
        // 45 s, so that clocks stopped with it fire again within our 30 s recovery target.
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
        if (properties.applicationServer() != null
                && !properties.applicationServer().isBlank()) {
            config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, properties.applicationServer());
        }
        config.putAll(properties.streams());
        return config;
    }

    @Override
    public synchronized void start() {
        var started = new KafkaStreams(topology, config);
        started.setStateListener((to, from) -> log.info("SLA streams {} → {}", from, to));
        started.start();
        streams = started;
    }

    @Override
    public synchronized void stop() {
        var running = streams;
        if (running != null) {
            running.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
            streams = null;
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** The running Kafka Streams client, for interactive queries; empty before start and after stop. */
    public Optional<KafkaStreams> streams() {
        return Optional.ofNullable(streams);
    }
}
