package org.whistle.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void issuesVersion7IdsCarryingTheirMillisecond() {
        var id = EventIds.next(1_795_000_000_123L);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(EventIds.timestampOf(id)).isGreaterThanOrEqualTo(1_795_000_000_123L);
    }

    @Test
    void staysStrictlyIncreasingWithinOneMillisecondAndWhenTheClockStepsBack() {
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(EventIds.next(1_900_000_000_000L));
        }
        ids.add(EventIds.next(1_800_000_000_000L));

        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i).toString()).isGreaterThan(ids.get(i - 1).toString());
        }
    }

    @Test
    void refusesToReadATimestampFromAnotherVersion() {
        assertThatThrownBy(() -> EventIds.timestampOf(UUID.randomUUID())).hasMessageStartingWith("not a UUIDv7");
    }
}
