package org.whistle.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void givesEveryEventTopicADeadLetterTopicWithTheSamePartitions() {
        for (var topic : Topics.eventTopics()) {
            assertThat(Topics.all()).contains(topic).anySatisfy(dlt -> {
                assertThat(dlt.name()).isEqualTo(topic.name() + ".DLT");
                assertThat(dlt.partitions()).isEqualTo(topic.partitions());
                assertThat(dlt.compacted()).isFalse();
            });
        }
        assertThat(Topics.all()).hasSize(2 * Topics.eventTopics().size());
    }

    @Test
    void compactsReferenceTopicsAndRetainsLifecycleTopicsByTime() {
        var units = Topics.eventTopics().stream()
                .filter(t -> t.name().equals(Topics.ORG_UNITS))
                .findFirst()
                .orElseThrow();
        var raised = Topics.eventTopics().stream()
                .filter(t -> t.name().equals(Topics.WHISTLE_RAISED))
                .findFirst()
                .orElseThrow();

        assertThat(units.configs((short) 3))
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "compact")
                .containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
        assertThat(raised.configs((short) 1))
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "delete")
                .containsEntry(
                        TopicConfig.RETENTION_MS_CONFIG,
                        Long.toString(Duration.ofDays(180).toMillis()))
                .containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1");
    }

    @Test
    void refusesADefinitionThatIsBothCompactedAndTimeRetained() {
        assertThatThrownBy(() -> new TopicDefinition("x", 1, true, Duration.ofDays(1)))
                .hasMessageContaining("either compacted or time-retained");
    }
}
