package org.whistle.sla.clocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.whistle.events.ClockKind;
import org.whistle.events.EventCodec;
import org.whistle.events.EventEnvelope;
import org.whistle.events.Topics;
import org.whistle.events.WhistleEscalated;
import org.whistle.sla.clocks.domain.TicketClocks;
import org.whistle.testing.TestInfrastructure;

/**
 * The clocks on a real broker: an instance stops mid-run and a new one (fresh state directory, so everything comes
 * back from the changelog) finishes its clocks; two instances share the partitions and, when one leaves, the other
 * takes its clocks over. Each escalation is on the topic once, read as committed.
 */
class ClockRestartTest {

    /** One policy minute per 60 ms of real time: the 10-minute report-in clock runs 10 s. */
    private static final double TIME_SCALE = 60;

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path stateDirs;

    private final List<KafkaStreams> started = new ArrayList<>();
    private final Clock clock = Clock.systemUTC();

    @AfterEach
    void closeAll() {
        started.forEach(streams -> streams.close(Duration.ofSeconds(10)));
    }

    @Test
    void anInstanceRestartedWithAnEmptyStateDirectoryLosesNoClockAndRepeatsNoEscalation() {
        var application = "sla-restart-" + UUID.randomUUID();
        var first = start(application, "first");
        awaitRunning(first);
        var tickets = summonTickets(10);
        await().atMost(PATIENCE).until(() -> sheetsHeld(first, tickets) == tickets.size());

        first.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(20)));
        started.remove(first);
        var second = start(application, "second-fresh");

        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> escalations(tickets).keySet().containsAll(reportInClocks(tickets)));
        second.close(Duration.ofSeconds(20));
        started.remove(second);

        var escalations = escalations(tickets);
        assertThat(escalations.keySet()).containsExactlyInAnyOrderElementsOf(reportInClocks(tickets));
        assertThat(escalations)
                .allSatisfy((clockId, count) ->
                        assertThat(count).as("escalations of " + clockId).isEqualTo(1));
    }

    @Test
    void twoInstancesShareThePartitionsAndTheSurvivorFiresTheClocksOfTheOneThatLeft() {
        var application = "sla-pair-" + UUID.randomUUID();
        var leaving = start(application, "leaving");
        var staying = start(application, "staying");
        awaitRunning(leaving);
        awaitRunning(staying);
        await().atMost(PATIENCE)
                .until(() -> !partitionsHeld(leaving).isEmpty()
                        && !partitionsHeld(staying).isEmpty());
        var tickets = summonTickets(24);
        await().atMost(PATIENCE)
                .until(() -> sheetsHeld(leaving, tickets) + sheetsHeld(staying, tickets) == tickets.size());
        var leftBehind = partitionsHeld(leaving);
        var clocksLeftBehind = sheetsHeld(leaving, tickets);
        assertThat(clocksLeftBehind)
                .as("the leaving instance holds some clocks")
                .isPositive();

        leaving.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(20)));
        started.remove(leaving);

        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> escalations(tickets).keySet().containsAll(reportInClocks(tickets)));
        assertThat(partitionsHeld(staying)).containsAll(leftBehind);
        staying.close(Duration.ofSeconds(20));
        started.remove(staying);
        assertThat(escalations(tickets))
                .allSatisfy((clockId, count) ->
                        assertThat(count).as("escalations of " + clockId).isEqualTo(1));
    }

    private KafkaStreams start(String application, String instance) {
        var properties = SlaProperties.of(
                TIME_SCALE,
                Duration.ofMillis(200),
                Duration.ofDays(7),
                application,
                stateDirs.resolve(instance).toString(),
                null,
                Map.of(
                        StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                        "100",
                        StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
                        "6000",
                        StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
                        "1500"));
        var deadlines = new OrgReferenceDeadlines(Tickets.policies(clock), TIME_SCALE, Duration.ofDays(7));
        var topology = ClockTopology.build(deadlines, clock, properties.punctuationInterval(), ClockObserver.NONE);
        var streams = new KafkaStreams(
                topology, SlaStreams.config(properties, TestInfrastructure.get().kafkaBootstrapServers()));
        streams.start();
        started.add(streams);
        return streams;
    }

    private static void awaitRunning(KafkaStreams streams) {
        await().atMost(PATIENCE).until(() -> streams.state() == KafkaStreams.State.RUNNING);
    }

    private List<Tickets> summonTickets(int count) {
        var tickets = new ArrayList<Tickets>();
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                var ticket = new Tickets(clock, Tickets.POTHOLE);
                EventEnvelope<?> summons = ticket.summoned("unit-" + i);
                producer.send(new ProducerRecord<>(
                        summons.topic(), summons.key(), EventCodec.instance().encode(summons)));
                tickets.add(ticket);
            }
            producer.flush();
        }
        return tickets;
    }

    private static Set<String> reportInClocks(List<Tickets> tickets) {
        var ids = new HashSet<String>();
        for (int i = 0; i < tickets.size(); i++) {
            ids.add(org.whistle.sla.clocks.domain.TicketClock.idOf(
                    tickets.get(i).id(), ClockKind.REPORT_IN, "unit-" + i, 1));
        }
        return ids;
    }

    private static long sheetsHeld(KafkaStreams streams, List<Tickets> tickets) {
        try {
            var store = streams.store(StoreQueryParameters.fromNameAndType(
                    ClockStores.SHEETS, QueryableStoreTypes.<String, TicketClocks>keyValueStore()));
            return tickets.stream()
                    .filter(ticket -> store.get(ticket.id()) != null)
                    .count();
        } catch (RuntimeException restoring) {
            return -1_000;
        }
    }

    private static Set<TopicPartition> partitionsHeld(KafkaStreams streams) {
        return streams.metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .flatMap(task -> task.topicPartitions().stream())
                .filter(partition -> partition.topic().equals(Topics.WHISTLE_ROUTED))
                .collect(Collectors.toSet());
    }

    /** Report-in escalations of these tickets on the topic, committed ones only, counted per clock instance. */
    private static Map<String, Integer> escalations(List<Tickets> tickets) {
        var whistles = tickets.stream().map(Tickets::id).collect(Collectors.toSet());
        var counts = new HashMap<String, Integer>();
        var config = Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(Topics.WHISTLE_ESCALATED).stream()
                    .map(info -> new TopicPartition(Topics.WHISTLE_ESCALATED, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (!whistles.contains(record.key())) {
                        continue;
                    }
                    var event = (WhistleEscalated)
                            EventCodec.instance().decode(record.value()).data();
                    if (event.kind() == WhistleEscalated.Kind.ESCALATION && event.clock() == ClockKind.REPORT_IN) {
                        counts.merge(event.clockId(), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }
}
