package org.whistle.sla.clocks;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * The SLA topology as a Kafka Streams application, run by Spring Kafka's {@link StreamsBuilderFactoryBean}: the
 * connection and security settings come from {@code spring.kafka.*} like every other client of the service (and
 * Boot adds its Micrometer listener), the processing settings from {@code whistle.sla.*}: exactly-once v2,
 * {@code stream-threads} threads over the twelve tasks (a replica scales further by running another instance, which
 * takes over partitions and restores their stores from the changelogs), the commit interval and the bounded RocksDB
 * memory. Stopping leaves the consumer group so a surviving replica takes the partitions over at once.
 */
public final class SlaStreams {

    private static final Logger log = LoggerFactory.getLogger(SlaStreams.class);
    private static final int CLOSE_TIMEOUT_SECONDS = 30;

    private final StreamsBuilderFactoryBean factory;

    public SlaStreams(StreamsBuilderFactoryBean factory) {
        this.factory = factory;
    }

    /**
     * Makes a factory bean run the SLA application: its configuration ({@link #config}) over what it was given, the
     * clocks added to its topology, and how it closes.
     */
    public static void configure(
            StreamsBuilderFactoryBean factory, SlaProperties properties, Consumer<Topology> clocks) {
        factory.setStreamsConfiguration(config(properties, factory.getStreamsConfiguration()));
        factory.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {
            @Override
            public void configureTopology(Topology topology) {
                clocks.accept(topology);
            }
        });
        factory.setStateListener((to, from) -> log.info("SLA streams {} → {}", from, to));
        factory.setLeaveGroupOnClose(true);
        factory.setCloseTimeout(CLOSE_TIMEOUT_SECONDS);
    }

    /**
     * The application outside a Spring context, built exactly as the service builds it (the benchmarks); the caller
     * starts and stops it.
     */
    public static SlaStreams standalone(SlaProperties properties, Map<String, Object> kafka, Consumer<Topology> clocks)
            throws Exception {
        var factory = new StreamsBuilderFactoryBean();
        var base = new Properties();
        base.putAll(kafka);
        factory.setStreamsConfiguration(base);
        configure(factory, properties, clocks);
        factory.setAutoStartup(false);
        factory.afterPropertiesSet();
        factory.afterSingletonsInstantiated();
        return new SlaStreams(factory);
    }

    /** The Kafka Streams configuration of the service from bootstrap servers alone (tests on a plain broker). */
    public static Properties config(SlaProperties properties, String bootstrapServers) {
        var kafka = new Properties();
        kafka.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config(properties, kafka);
    }

    /**
     * The Kafka Streams configuration of the service: {@code kafka} (Spring Boot's {@code spring.kafka.*} streams
     * properties: bootstrap servers, security, TLS, {@code spring.kafka.streams.properties.*}), then the SLA's own
     * processing settings, then explicit {@code whistle.sla.streams} entries, which win.
     */
    public static Properties config(SlaProperties properties, Map<?, ?> kafka) {
        var config = new Properties();
        config.putAll(kafka);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, properties.streamThreads());
        // Firings ask for their commit themselves; the interval only bounds how long lifecycle writes wait in the
        // stores' caches, where repeated writes to a sheet or index key fold into one changelog record.
        config.put(
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                properties.commitInterval().toMillis());
        config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        config.put(BoundedRocksDbMemory.TOTAL_BYTES, properties.storeMemory().toBytes());
        config.put(
                BoundedRocksDbMemory.MEMTABLE_BYTES, properties.storeMemtables().toBytes());
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

    /** Starts a {@linkplain #standalone standalone} application; in the service the context starts it. */
    public void start() {
        factory.start();
    }

    /** Stops a {@linkplain #standalone standalone} application, leaving its group. */
    public void stop() {
        factory.stop();
    }

    /** The running Kafka Streams client, for interactive queries; empty before start and after stop. */
    public Optional<KafkaStreams> streams() {
        return Optional.ofNullable(factory.getKafkaStreams());
    }
}
