package org.whistle.events;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * One Kafka topic as the platform needs it; the local stack, the tests and the deployment all create topics from
 * these.
 *
 * @param retention how long records are kept; {@code null} for compacted topics, which keep the latest per key
 */
public record TopicDefinition(String name, int partitions, boolean compacted, Duration retention) {

    /** Replicas in a production cluster; a single-node broker passes 1 to {@link #toNewTopic(short)}. */
    public static final short PRODUCTION_REPLICATION = 3;

    public TopicDefinition {
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic needs at least one partition: " + name);
        }
        if (compacted == (retention != null)) {
            throw new IllegalArgumentException("a topic is either compacted or time-retained: " + name);
        }
    }

    /** The dead-letter topic of this one: same partitions, so a poison record keeps its partition. */
    public TopicDefinition deadLetter() {
        return new TopicDefinition(Topics.deadLetterOf(name), partitions, false, Topics.DEAD_LETTER_RETENTION);
    }

    /** Broker-side settings; {@code min.insync.replicas} follows the replication so a one-node broker accepts acks=all. */
    public Map<String, String> configs(short replication) {
        var configs = new HashMap<String, String>();
        if (compacted) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        } else {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
            configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
        }
        configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(Math.max(1, replication - 1)));
        return Map.copyOf(configs);
    }

    public NewTopic toNewTopic(short replication) {
        return new NewTopic(name, partitions, replication).configs(configs(replication));
    }
}
