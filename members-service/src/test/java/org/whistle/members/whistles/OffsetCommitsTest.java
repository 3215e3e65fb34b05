package org.whistle.members.whistles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.whistle.members.MembersServiceTest;

/**
 * Issue 22: the whistle copy's consumer committed its offsets after every poll (BATCH), one commit per event at the
 * bench's pace; now it commits once a second or every poll's worth of records ({@link WhistleBatches}, which applies a
 * poll in one transaction) — its events being recorded as handled with their effect, a redelivery after a crash
 * changes nothing.
 */
class OffsetCommitsTest extends MembersServiceTest {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void theWhistleCopyCommitsItsOffsetsOnceASecondNotAfterEveryPoll() {
        var containers = listeners.getListenerContainers().stream()
                .filter(container -> container.getGroupId().equals("members-service"))
                .toList();
        assertThat(containers).isNotEmpty();
        for (var container : containers) {
            var properties = container.getContainerProperties();
            assertThat(properties.getAckMode()).isEqualTo(AckMode.COUNT_TIME);
            assertThat(Duration.ofMillis(properties.getAckTime())).isEqualTo(Duration.ofSeconds(1));
            assertThat(properties.getAckCount()).isEqualTo(WhistleBatches.MAX_POLL_RECORDS);
        }
    }
}
