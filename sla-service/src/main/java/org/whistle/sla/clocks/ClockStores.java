package org.whistle.sla.clocks;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.whistle.sla.clocks.domain.TicketClocks;

/**
 * The four stores of the clock processor, all persistent (RocksDB) and changelogged, so a restarted or moved task
 * restores them instead of recomputing: the sheets by whistle id, the due-time index ({@link DueKey} → whistle id),
 * ticket id → whistle id for readers who know only the ticket, and the calendar revisions the task's clocks were
 * planned with.
 */
public final class ClockStores {

    public static final String SHEETS = "sla-sheets";
    public static final String DUE = "sla-due";
    public static final String TICKET_IDS = "sla-ticket-ids";
    public static final String CALENDARS = "sla-calendars";

    private ClockStores() {}

    static StoreBuilder<KeyValueStore<String, TicketClocks>> sheets() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SHEETS), Serdes.String(), new SheetSerde());
    }

    static StoreBuilder<KeyValueStore<String, String>> due() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DUE), Serdes.String(), Serdes.String());
    }

    static StoreBuilder<KeyValueStore<String, String>> ticketIds() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TICKET_IDS), Serdes.String(), Serdes.String());
    }

    /** Calendar id → the revision this task's running clocks were last planned with. */
    static StoreBuilder<KeyValueStore<String, Long>> calendars() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CALENDARS), Serdes.String(), Serdes.Long());
    }

    /** The serde of sheets, for interactive queries. */
    public static org.apache.kafka.common.serialization.Serde<TicketClocks> sheetSerde() {
        return new SheetSerde();
    }
}
