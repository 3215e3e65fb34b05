package org.whistle.sla.clocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.BlockBasedTableConfigWithAccessibleCache;
import org.apache.kafka.streams.state.internals.RocksDBStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.whistle.sla.clocks.domain.TicketClocks;
import org.whistle.sla.clocks.domain.Timer;

/** The stores as the service runs them: native memory bounded and shared, and a task that starts without a scan. */
class ClockStoresTest {

    private static final Instant START = Instant.parse("2026-05-21T08:00:00Z");

    @TempDir
    Path stateDir;

    private final MutableClock clock = new MutableClock(START);

    @Test
    void everyStoreUsesTheSharedBlockCacheAndWriteBufferManager() {
        var properties = SlaProperties.of(
                1, Duration.ofSeconds(1), Duration.ofDays(7), "sla-service", stateDir.toString(), null, Map.of());
        var config = SlaStreams.config(properties, "unused:9092");
        assertThat(config.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo(BoundedRocksDbMemory.class);
        var deadlines = new OrgReferenceDeadlines(Tickets.policies(clock), 1, Duration.ofDays(7));
        var topology = ClockTopology.build(deadlines, clock, Duration.ofSeconds(1), ClockObserver.NONE);

        try (var driver = new TopologyTestDriver(topology, config, START)) {
            var shared = BoundedRocksDbMemory.shared(Map.of());
            assertThat(shared.totalBytes()).isPositive();
            for (var name : new String[] {
                ClockStores.SHEETS, ClockStores.DUE, ClockStores.TICKET_IDS, ClockStores.CALENDARS, ClockStores.COUNTS
            }) {
                var options = rocksDb(driver.getKeyValueStore(name)).getOptions();
                var table = (BlockBasedTableConfigWithAccessibleCache) options.tableFormatConfig();
                assertThat(table.blockCache()).as(name + "'s block cache").isSameAs(shared.cache());
                assertThat(options.writeBufferManager())
                        .as(name + "'s write buffer manager")
                        .isSameAs(shared.writeBuffers());
            }
        }
    }

    @Test
    void aStartingTaskReadsItsCountOfRunningClocksWithoutScanningTheDueIndex() {
        var context = new MockProcessorContext<String, Object>();
        var reads = new AtomicInteger();
        var due = counting(strings(ClockStores.DUE, context), reads);
        for (int i = 0; i < 3; i++) {
            due.put(DueKey.of(new Timer(START.plusSeconds(60).toEpochMilli(), "clock-" + i)), "whistle-" + i);
        }
        var counts = longs(ClockStores.COUNTS, context);
        counts.put(ClockProcessor.RUNNING, 3L);
        context.addStateStore(due);
        context.addStateStore(counts);
        addOtherStores(context);
        var observed = new HashMap<String, Long>();

        new ClockProcessor(
                        new OrgReferenceDeadlines(Tickets.policies(clock), 1, Duration.ofDays(7)),
                        clock,
                        Duration.ofSeconds(1),
                        100,
                        observer(observed),
                        ClockTracing.NONE)
                .init(context);

        assertThat(reads).as("iterators opened over the due index at start-up").hasValue(0);
        assertThat(observed).containsValue(3L);
    }

    @Test
    void aTaskWhoseStoresPredateTheCountCountsItsIndexOnceAndKeepsTheCount() {
        var context = new MockProcessorContext<String, Object>();
        var reads = new AtomicInteger();
        var due = counting(strings(ClockStores.DUE, context), reads);
        var later = START.plusSeconds(60).toEpochMilli();
        due.put(DueKey.of(new Timer(later, "clock-1")), "whistle-1");
        due.put(DueKey.of(new Timer(later, "clock-2")), "whistle-2");
        due.put(DueKey.of(new Timer(later, TicketClocks.FORGET)), "whistle-3");
        var counts = longs(ClockStores.COUNTS, context);
        context.addStateStore(due);
        context.addStateStore(counts);
        addOtherStores(context);
        var observed = new HashMap<String, Long>();

        new ClockProcessor(
                        new OrgReferenceDeadlines(Tickets.policies(clock), 1, Duration.ofDays(7)),
                        clock,
                        Duration.ofSeconds(1),
                        100,
                        observer(observed),
                        ClockTracing.NONE)
                .init(context);

        assertThat(reads).hasValue(1);
        assertThat(observed).containsValue(2L);
        context.scheduledPunctuators().getFirst().getPunctuator().punctuate(START.toEpochMilli());
        assertThat(counts.get(ClockProcessor.RUNNING))
                .as("stored at the first punctuation, for the next start")
                .isEqualTo(2L);
    }

    private static KeyValueStore<String, String> strings(String name, MockProcessorContext<String, Object> context) {
        return opened(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.String()),
                context);
    }

    private static KeyValueStore<String, Long> longs(String name, MockProcessorContext<String, Object> context) {
        return opened(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.Long()),
                context);
    }

    private static <V> KeyValueStore<String, V> opened(
            StoreBuilder<KeyValueStore<String, V>> builder, MockProcessorContext<String, Object> context) {
        var store = builder.withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }

    /** The other stores a task opens, empty. */
    private static void addOtherStores(MockProcessorContext<String, Object> context) {
        context.addStateStore(opened(
                Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(ClockStores.SHEETS), Serdes.String(), ClockStores.sheetSerde()),
                context));
        context.addStateStore(strings(ClockStores.TICKET_IDS, context));
        context.addStateStore(longs(ClockStores.CALENDARS, context));
    }

    /** The store, counting the iterators opened over it (all and range). */
    @SuppressWarnings("unchecked")
    private static KeyValueStore<String, String> counting(KeyValueStore<String, String> store, AtomicInteger reads) {
        return (KeyValueStore<String, String>) Proxy.newProxyInstance(
                ClockStoresTest.class.getClassLoader(), new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("all")
                            || method.getName().contains("range")
                            || method.getName().contains("Range")) {
                        reads.incrementAndGet();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static ClockObserver observer(Map<String, Long> observed) {
        return new ClockObserver() {
            @Override
            public void published(org.whistle.sla.clocks.domain.Firing firing) {}

            @Override
            public void running(String task, long clocks) {
                observed.put(task, clocks);
            }

            @Override
            public void closed(String task) {}
        };
    }

    private static RocksDBStore rocksDb(StateStore store) {
        var inner = store;
        while (inner instanceof WrappedStateStore<?, ?, ?> wrapped) {
            inner = wrapped.wrapped();
        }
        assertThat(inner).isInstanceOf(RocksDBStore.class);
        return (RocksDBStore) inner;
    }
}
