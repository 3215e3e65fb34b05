package org.whistle.orgreference.copy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.whistle.events.EventCodec;
import org.whistle.events.EventDecodingException;
import org.whistle.events.Topics;

/**
 * Reads the {@code org-*} topics from the beginning into the copy, then follows them. It reads every partition
 * itself (no consumer group): each replica of a service needs the whole copy. The copy is ready once it has read up
 * to the end offsets seen at start, which readiness reports.
 */
final class OrgReferenceFeed implements SmartLifecycle {

    static final List<String> TOPICS =
            List.of(Topics.ORG_UNITS, Topics.ORG_CATEGORIES, Topics.ORG_RULES, Topics.ORG_CALENDARS);
    private static final Logger log = LoggerFactory.getLogger(OrgReferenceFeed.class);

    private final OrgReferenceCopy copy;
    private final String bootstrapServers;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean running;
    private volatile @Nullable KafkaConsumer<String, byte[]> consumer;
    private @Nullable Thread thread;

    OrgReferenceFeed(OrgReferenceCopy copy, String bootstrapServers) {
        this.copy = copy;
        this.bootstrapServers = bootstrapServers;
    }

    boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Waits until the copy holds everything published before this service started. */
    boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().name("org-reference-feed").daemon().start(this::follow);
    }

    @Override
    public synchronized void stop() {
        running = false;
        var current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void follow() {
        var config = Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG,
                "org-reference-copy");
        while (running) {
            try (var kafka = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer = kafka;
                var partitions = partitions(kafka);
                kafka.assign(partitions);
                kafka.seekToBeginning(partitions);
                var ends = new HashMap<>(kafka.endOffsets(partitions));
                while (running) {
                    for (var record : kafka.poll(Duration.ofMillis(500))) {
                        take(record.topic(), record.value());
                    }
                    if (!isCaughtUp()
                            && ends.entrySet().stream()
                                    .allMatch(end -> kafka.position(end.getKey()) >= end.getValue())) {
                        caughtUp.countDown();
                        log.info("Organisation reference copy caught up: {}", copy.size());
                    }
                }
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Organisation reference feed failed; reconnecting in 2 s", e);
                    pause();
                }
            } finally {
                consumer = null;
            }
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
        var partitions = new ArrayList<TopicPartition>();
        for (var topic : TOPICS) {
            var infos = kafka.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist yet");
            }
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        return partitions;
    }

    private void take(String topic, byte @Nullable [] value) {
        if (value == null) {
            return;
        }
        try {
            copy.apply(EventCodec.instance().decode(value));
        } catch (EventDecodingException e) {
            // A record this version cannot read must not stop the copy; it stays on the topic for newer readers.
            log.warn("Skipping an unreadable record on {}: {}", topic, e.getMessage());
        }
    }

    private void pause() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
