package org.whistle.sla.clocks;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.whistle.sla.clocks.domain.TicketClocks;

/**
 * The five stores of the clock processor, all persistent (RocksDB) and changelogged, so a restarted or moved task
 * restores them instead of recomputing: the sheets by whistle id, the due-time index ({@link DueKey} → whistle id),
 * ticket id → whistle id for readers who know only the ticket, the calendar revisions the task's clocks were planned
 * with, and the task's count of running clocks (so a starting task need not count its index).
 *
 * <p>All are cached: the writes to one key between two commits reach RocksDB and the changelog once, which is what
 * cuts the changelog records per lifecycle (a sheet is rewritten by every event and firing of its ticket).
 */
public final class ClockStores {

    public static final String SHEETS = "sla-sheets";
    public static final String DUE = "sla-due";
    public static final String TICKET_IDS = "sla-ticket-ids";
    public static final String CALENDARS = "sla-calendars";
    public static final String COUNTS = "sla-counts";

    private ClockStores() {}

    static StoreBuilder<KeyValueStore<String, TicketClocks>> sheets() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SHEETS), Serdes.String(), new SheetSerde())
                .withCachingEnabled();
    }

    static StoreBuilder<KeyValueStore<String, String>> due() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DUE), Serdes.String(), Serdes.String())
                .withCachingEnabled();
    }

    static StoreBuilder<KeyValueStore<String, String>> ticketIds() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TICKET_IDS), Serdes.String(), Serdes.String())
                .withCachingEnabled();
    }

    /** Calendar id → the revision this task's running clocks were last planned with. */
    static StoreBuilder<KeyValueStore<String, Long>> calendars() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CALENDARS), Serdes.String(), Serdes.Long())
                .withCachingEnabled();
    }

    /** Counts kept per task ({@link ClockProcessor#RUNNING}: clocks counting down), updated as clocks change. */
    static StoreBuilder<KeyValueStore<String, Long>> counts() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COUNTS), Serdes.String(), Serdes.Long())
                .withCachingEnabled();
    }

    /** The serde of sheets, for interactive queries. */
    public static org.apache.kafka.common.serialization.Serde<TicketClocks> sheetSerde() {
        return new SheetSerde();
    }
}
