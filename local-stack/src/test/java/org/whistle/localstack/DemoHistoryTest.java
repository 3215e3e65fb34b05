package org.whistle.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.whistle.embedded.KraftBroker;
import org.whistle.events.Topics;
import org.whistle.history.City;
import org.whistle.history.HistoryGenerator;

/** {@code --history=N} publishes the demo city's past months as history events, once per data folder, on a real broker. */
class DemoHistoryTest {

    @TempDir
    static Path folder;

    private static KraftBroker broker;

    /** 10 March 2026 in Shanghai: one month of history is February. */
    private static final Clock MARCH = Clock.fixed(Instant.parse("2026-03-10T02:00:00Z"), ZoneOffset.UTC);

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KraftBroker.start(folder.resolve("kafka"), 0);
        try (var admin = admin()) {
            Topics.ensureCreated(admin, (short) 1);
        }
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void publishesTheMonthsBeforeThisOneOncePerDataFolder() throws Exception {
        var dataDir = Files.createDirectories(folder.resolve("data"));
        var demoDir = DemoCity.unpack(dataDir.resolve("demo"));

        assertThat(DemoHistory.publishOnce(dataDir, demoDir, 0, broker.bootstrapServers(), MARCH))
                .as("no history asked for")
                .isZero();
        assertThat(dataDir.resolve(DemoHistory.MARKER)).doesNotExist();
        assertThat(recordsOnTheTopics()).isZero();

        long published = DemoHistory.publishOnce(dataDir, demoDir, 1, broker.bootstrapServers(), MARCH);

        // exactly the generator's February of the demo city, as of the clock's now
        var february = new HistoryGenerator(City.load(demoDir.resolve("city")), DemoHistory.SEED)
                .generate(
                        LocalDate.of(2026, 2, 1),
                        LocalDate.of(2026, 3, 1),
                        DemoHistory.PER_STREET_PER_DAY,
                        MARCH.instant());
        long expected = february.stream().mapToLong(c -> c.events().size()).sum();
        assertThat(february).isNotEmpty();
        assertThat(published).isEqualTo(expected);
        assertThat(recordsOnTheTopics()).isEqualTo(expected);
        assertThat(Files.readString(dataDir.resolve(DemoHistory.MARKER)))
                .contains("from=2026-02-01")
                .contains("events=" + expected);

        // a restart of the same data folder does not publish it again
        assertThat(DemoHistory.publishOnce(dataDir, demoDir, 1, broker.bootstrapServers(), MARCH))
                .isZero();
        assertThat(recordsOnTheTopics()).isEqualTo(expected);
    }

    @Test
    void refusesMoreThanTwoYearsOrANegativeNumberOfMonths() {
        assertThat(Options.parse(java.util.List.of("--history=12"), Map.of()).historyMonths())
                .isEqualTo(12);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Options.parse(java.util.List.of("--history=25"), Map.of()))
                .withMessageContaining("0 to 24");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Options.parse(java.util.List.of("--history=-1"), Map.of()));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Options.parse(java.util.List.of("--history=a-year"), Map.of()))
                .withMessageContaining("number of months");
        assertThat(Options.parse(java.util.List.of(), Map.of()).historyMonths()).isZero();
    }

    private static long recordsOnTheTopics() throws Exception {
        try (var admin = admin()) {
            var partitions = new HashMap<TopicPartition, OffsetSpec>();
            for (var description : admin.describeTopics(
                            admin.listTopics().names().get())
                    .allTopicNames()
                    .get()
                    .values()) {
                description
                        .partitions()
                        .forEach(p -> partitions.put(
                                new TopicPartition(description.name(), p.partition()), OffsetSpec.latest()));
            }
            return admin.listOffsets(partitions).all().get().values().stream()
                    .mapToLong(o -> o.offset())
                    .sum();
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }
}
