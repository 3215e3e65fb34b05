package org.whistle.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/** The platform's topics, named by event (design §3), with their dead-letter topics: the one source of truth. */
public final class Topics {

    public static final String WHISTLE_RAISED = "whistle-raised";
    public static final String WHISTLE_ROUTED = "whistle-routed";
    public static final String WHISTLE_REPORTED = "whistle-reported";
    public static final String WHISTLE_CLOSED = "whistle-closed";
    public static final String WHISTLE_ESCALATED = "whistle-escalated";
    public static final String WHISTLE_FEEDBACK = "whistle-feedback";
    public static final String ORG_UNITS = "org-units";
    public static final String ORG_CATEGORIES = "org-categories";
    public static final String ORG_RULES = "org-rules";
    public static final String ORG_CALENDARS = "org-calendars";
    /** Signed checkpoints of ticket timelines (ADR 0016): compacted, one key per checkpoint, so all are kept. */
    public static final String TIMELINE_CHECKPOINTS = "timeline-checkpoints";
    /** 双考核 ratings of summoned units and the decisions on their appeals (ADR 0025), keyed by the rating. */
    public static final String EVALUATION_RATINGS = "evaluation-ratings";

    /** members-service's community tasks (ADR 0026), keyed by task. */
    public static final String COMMUNITY_TASKS = "community-tasks";
    /** members-service's participation figures (ADR 0026), keyed by member. */
    public static final String MEMBER_PARTICIPATION = "member-participation";

    static final String DEAD_LETTER_SUFFIX = ".DLT";
    static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);
    private static final Duration LIFECYCLE_RETENTION = Duration.ofDays(180);
    private static final int LIFECYCLE_PARTITIONS = 12;
    private static final int REFERENCE_PARTITIONS = 3;

    private static final List<TopicDefinition> EVENT_TOPICS = List.of(
            lifecycle(WHISTLE_RAISED),
            lifecycle(WHISTLE_ROUTED),
            lifecycle(WHISTLE_REPORTED),
            lifecycle(WHISTLE_CLOSED),
            lifecycle(WHISTLE_ESCALATED),
            lifecycle(WHISTLE_FEEDBACK),
            reference(ORG_UNITS),
            reference(ORG_CATEGORIES),
            reference(ORG_RULES),
            reference(ORG_CALENDARS),
            // One partition: checkpoints form one numbered, chained sequence that a verifier reads in order.
            new TopicDefinition(TIMELINE_CHECKPOINTS, 1, true, null),
            // Compacted: the last event of each rating (its standing result) is kept for as long as appraisals need it.
            new TopicDefinition(EVALUATION_RATINGS, LIFECYCLE_PARTITIONS, true, null),
            lifecycle(COMMUNITY_TASKS),
            lifecycle(MEMBER_PARTICIPATION));

    private Topics() {}

    /** Every event topic, without dead-letter topics. */
    public static List<TopicDefinition> eventTopics() {
        return EVENT_TOPICS;
    }

    /** Every topic the platform needs: the event topics and one dead-letter topic for each. */
    public static List<TopicDefinition> all() {
        var all = new ArrayList<TopicDefinition>(EVENT_TOPICS);
        EVENT_TOPICS.forEach(topic -> all.add(topic.deadLetter()));
        return List.copyOf(all);
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** Creates whichever of the given topics the cluster lacks; existing topics are left as they are. */
    public static void ensureCreated(Admin admin, Collection<TopicDefinition> topics, short replication) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            var missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> topic.toNewTopic(replication))
                    .toList();
            for (var created : admin.createTopics(missing).values().values()) {
                awaitCreated(created);
            }
            awaitLeadersServing(admin, topics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create the platform's topics", e);
        }
    }

    /** Creates every topic of {@link #all()} that the cluster lacks. */
    public static void ensureCreated(Admin admin, short replication) {
        ensureCreated(admin, all(), replication);
    }

    /**
     * A created topic is in the metadata before its leader serves it. An idempotent producer whose first request to a
     * partition meets that window gets NOT_LEADER_OR_FOLLOWER, its next request is appended, and the first one is then
     * refused with OUT_OF_ORDER_SEQUENCE_NUMBER until it expires (KAFKA-15591; the broker we embed still does this): records
     * lost or, behind an outbox, a lane stuck for {@code delivery.timeout.ms}. DescribeProducers is answered by the
     * partition's leader only once it serves the partition, and the admin client retries it until then.
     */
    private static void awaitLeadersServing(Admin admin, Collection<TopicDefinition> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        var partitions = new ArrayList<TopicPartition>();
        for (var topic : topics) {
            for (int partition = 0; partition < topic.partitions(); partition++) {
                partitions.add(new TopicPartition(topic.name(), partition));
            }
        }
        admin.describeProducers(partitions).all().get(60, TimeUnit.SECONDS);
    }

    private static void awaitCreated(KafkaFuture<Void> created)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            created.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // Another process (a replica, a parallel test JVM) created it first: that is the state we want.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static TopicDefinition lifecycle(String name) {
        return new TopicDefinition(name, LIFECYCLE_PARTITIONS, false, LIFECYCLE_RETENTION);
    }

    private static TopicDefinition reference(String name) {
        return new TopicDefinition(name, REFERENCE_PARTITIONS, true, null);
    }
}
