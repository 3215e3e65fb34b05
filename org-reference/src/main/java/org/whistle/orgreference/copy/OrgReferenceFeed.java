package org.whistle.orgreference.copy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.BatchConsumerAwareMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.util.backoff.FixedBackOff;
import org.whistle.events.EventCodec;
import org.whistle.events.EventDecodingException;
import org.whistle.events.Topics;

/**
 * Reads the {@code org-*} topics from the beginning into the copy, then follows them, in a Spring Kafka listener
 * container whose consumer takes the service's whole {@code spring.kafka.consumer.*} configuration (bootstrap,
 * security, TLS). It is assigned every partition itself (no consumer group, nothing committed): each replica of a
 * service needs the whole copy. The copy is ready once it has read up to the end offsets seen at start, which
 * readiness reports.
 *
 * <p>Kafka refusing this service (authentication, or ACLs that do not let it read the organisation's topics) stops
 * the start-up with the reason: a service that can never be ready must not wait silently. Topics that do not exist
 * yet, or a broker not reachable yet, are asked again every 2 s while readiness stays out of service.
 */
final class OrgReferenceFeed implements SmartLifecycle {

    static final List<String> TOPICS =
            List.of(Topics.ORG_UNITS, Topics.ORG_CATEGORIES, Topics.ORG_RULES, Topics.ORG_CALENDARS);
    static final String CLIENT_ID = "org-reference-copy";
    private static final Duration RETRY = Duration.ofSeconds(2);
    /** How long the consumer may find nothing new before it checks whether it reached the end offsets seen at start. */
    private static final long IDLE_CHECK_MS = 500;

    private static final Logger log = LoggerFactory.getLogger(OrgReferenceFeed.class);

    private final OrgReferenceCopy copy;
    private final ConsumerFactory<String, byte[]> consumers;
    private final ApplicationEventPublisher events;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean running;
    private volatile Map<TopicPartition, Long> ends = Map.of();
    private @Nullable ScheduledExecutorService retries;
    private @Nullable KafkaMessageListenerContainer<String, byte[]> container;

    OrgReferenceFeed(
            OrgReferenceCopy copy, ConsumerFactory<String, byte[]> consumers, ApplicationEventPublisher events) {
        this.copy = copy;
        this.consumers = consumers;
        this.events = events;
    }

    /**
     * The consumers of the feed: the service's {@code spring.kafka.consumer.*} settings, without its group (the feed
     * reads every partition, commits nothing) and reading committed records only.
     */
    static ConsumerFactory<String, byte[]> consumers(KafkaProperties kafka) {
        var config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, CLIENT_ID);
        return new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer());
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
        retries = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("org-reference-feed").daemon().factory());
        if (!tryToFollow()) {
            scheduleRetry();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (retries != null) {
            retries.shutdownNow();
            retries = null;
        }
        if (container != null) {
            container.stop();
            container = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void scheduleRetry() {
        var scheduler = retries;
        if (scheduler != null && !scheduler.isShutdown()) {
            scheduler.schedule(
                    () -> {
                        synchronized (this) {
                            if (running && container == null && !tryToFollow()) {
                                scheduleRetry();
                            }
                        }
                    },
                    RETRY.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Looks up the partitions and their end offsets, then starts the container from the beginning of each.
     *
     * @return whether it follows the topics now; false when they are not there yet
     * @throws IllegalStateException when Kafka refuses this service: that will not pass by waiting
     */
    private boolean tryToFollow() {
        List<TopicPartition> partitions;
        try (var consumer = consumers.createConsumer()) {
            partitions = partitions(consumer);
            ends = Map.copyOf(consumer.endOffsets(partitions));
        } catch (AuthenticationException | AuthorizationException refused) {
            throw new IllegalStateException(
                    "Kafka refused the organisation reference feed (client " + CLIENT_ID + ") access to " + TOPICS
                            + ": check this service's Kafka credentials and ACLs (read and describe on these topics)",
                    refused);
        } catch (RuntimeException notYet) {
            log.warn("Organisation reference feed cannot start yet; asking again in {} s", RETRY.toSeconds(), notYet);
            return false;
        }
        var properties = new ContainerProperties(partitions.stream()
                .map(partition -> new TopicPartitionOffset(
                        partition.topic(), partition.partition(), TopicPartitionOffset.SeekPosition.BEGINNING))
                .toArray(TopicPartitionOffset[]::new));
        // No group: nothing to commit, and the container must not try to.
        properties.setAckMode(ContainerProperties.AckMode.MANUAL);
        properties.setAssignmentCommitOption(ContainerProperties.AssignmentCommitOption.NEVER);
        properties.setIdleEventInterval(IDLE_CHECK_MS);
        properties.setMessageListener((BatchConsumerAwareMessageListener<String, byte[]>) this::take);
        var following = new KafkaMessageListenerContainer<>(consumers, properties);
        following.setBeanName("org-reference-feed");
        // A record the copy cannot apply is tried again, never skipped: the copy must not silently miss a change.
        following.setCommonErrorHandler(
                new DefaultErrorHandler(new FixedBackOff(RETRY.toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS)));
        following.setApplicationEventPublisher(this::onContainerEvent);
        following.start();
        container = following;
        return true;
    }

    private List<TopicPartition> partitions(Consumer<String, byte[]> consumer) {
        var partitions = new ArrayList<TopicPartition>();
        for (var topic : TOPICS) {
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist yet");
            }
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        return partitions;
    }

    private void take(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        for (var record : records) {
            take(record.topic(), record.value());
        }
        checkCaughtUp(consumer);
    }

    /** Idle events come on the consumer's thread with its consumer: the end may be a transaction marker, not a record. */
    private void onContainerEvent(Object event) {
        if (event instanceof ListenerContainerIdleEvent idle && idle.getConsumer() != null) {
            checkCaughtUp(idle.getConsumer());
        }
        events.publishEvent(event);
    }

    private void checkCaughtUp(Consumer<?, ?> consumer) {
        if (!isCaughtUp()
                && ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
            markCaughtUp();
        }
    }

    private void markCaughtUp() {
        caughtUp.countDown();
        log.info("Organisation reference copy caught up: {}", copy.size());
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
}
