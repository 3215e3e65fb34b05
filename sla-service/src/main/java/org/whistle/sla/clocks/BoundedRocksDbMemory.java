package org.whistle.sla.clocks;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.jspecify.annotations.Nullable;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the native memory of every SLA store together: one block cache per JVM holds the data blocks, the index and
 * filter blocks and — through a write buffer manager charged to it — the memtables of all stores of all tasks. Left
 * to its defaults each store had its own cache and memtables, and a million clocks took about 1 GiB of RSS, mostly
 * native, growing with the number of tasks on the instance.
 *
 * <p>Kafka Streams creates this class by reflection for each store, so the sizes come from the Streams
 * configuration ({@link #TOTAL_BYTES}, {@link #MEMTABLE_BYTES}); the first store opened in a JVM fixes them.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** All of the SLA stores' RocksDB memory in this JVM: block cache, index and filter blocks, memtables. */
    public static final String TOTAL_BYTES = "whistle.sla.rocksdb.total-bytes";

    /** The part of {@link #TOTAL_BYTES} that memtables may hold before they are flushed. */
    public static final String MEMTABLE_BYTES = "whistle.sla.rocksdb.memtable-bytes";

    static final long DEFAULT_TOTAL_BYTES = 64L * 1024 * 1024;
    static final long DEFAULT_MEMTABLE_BYTES = 16L * 1024 * 1024;

    /** Index and filter blocks are kept in the cache's high-priority pool, so data blocks do not evict them. */
    private static final double INDEX_FILTER_BLOCK_RATIO = 0.1;

    private static final long BLOCK_SIZE = 16 * 1024;
    private static final int MEMTABLES_PER_STORE = 2;

    private static @Nullable Shared shared;

    /** The cache and the write buffer manager every store of this JVM shares; never closed while the JVM runs. */
    record Shared(Cache cache, WriteBufferManager writeBuffers, long totalBytes, long memtableBytes) {}

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        var memory = shared(configs);
        var table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        table.setBlockSize(BLOCK_SIZE);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(memory.writeBuffers());
        options.setMaxWriteBufferNumber(MEMTABLES_PER_STORE);
        options.setWriteBufferSize(Math.max(1024 * 1024, memory.memtableBytes() / 4));
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared by every store; closing them with one would break the rest.
    }

    static synchronized Shared shared(Map<String, ?> configs) {
        if (shared == null) {
            long total = bytes(configs, TOTAL_BYTES, DEFAULT_TOTAL_BYTES);
            long memtables = Math.min(total / 2, bytes(configs, MEMTABLE_BYTES, DEFAULT_MEMTABLE_BYTES));
            var cache = new LRUCache(total, -1, false, INDEX_FILTER_BLOCK_RATIO);
            shared = new Shared(cache, new WriteBufferManager(memtables, cache), total, memtables);
        }
        return shared;
    }

    private static long bytes(Map<String, ?> configs, String key, long fallback) {
        var value = configs.get(key);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        long bytes = Long.parseLong(value.toString().trim());
        if (bytes <= 0) {
            throw new IllegalArgumentException(key + " must be positive: " + bytes);
        }
        return bytes;
    }
}
