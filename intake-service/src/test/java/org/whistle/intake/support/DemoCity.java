package org.whistle.intake.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.whistle.events.CategoryChanged;
import org.whistle.events.CommandLevel;
import org.whistle.events.EventEnvelope;
import org.whistle.events.OrgUnitChanged;
import org.whistle.events.TraceIds;
import org.whistle.events.Urgency;
import org.whistle.events.kafka.EnvelopeSerializer;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import org.whistle.testing.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts the demo city (../demo/city) on the org-* topics as org-registry would: administrative nodes down to grids
 * with their outlines, command centres, and every category. Published once per test JVM.
 */
public final class DemoCity {

    public static final String P1_GRID = "230225100001001";
    public static final String P1_STREET = "230225100";
    private static final Path CITY = Path.of("../demo/city");
    private static boolean published;

    private DemoCity() {}

    public static synchronized void publishAndAwait(OrgReferenceCopy copy) {
        if (!published) {
            publish();
            published = true;
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> copy.unit(P1_GRID).isPresent()
                        && copy.category("MUNICIPAL-ROAD-DAMAGE").isPresent()
                        && copy.unit("QQ-230200-ZHZX").isPresent()
                        && copy.category("PROPERTY-SEWER-BLOCKED").isPresent());
    }

    private static void publish() {
        var events = new ArrayList<EventEnvelope<?>>();
        var nodes = rows("nodes.csv");
        var kinds = new HashMap<String, String>();
        var parents = new HashMap<String, String>();
        nodes.forEach(row -> {
            kinds.put(row.get("code"), row.get("kind"));
            parents.put(row.get("code"), row.get("parent_code"));
        });
        var outlines = outlines();
        for (var row : nodes) {
            var kind = row.get("kind");
            if (kind.equals("BUILDING") || kind.equals("ENTRANCE")) {
                continue;
            }
            var code = row.get("code");
            events.add(wrap(new OrgUnitChanged(
                    code,
                    code,
                    row.get("name"),
                    kind,
                    blank(row.get("parent_code")),
                    ancestry(parents, code),
                    level(kind),
                    true,
                    LocalDate.parse(row.get("valid_from")),
                    null,
                    null,
                    outlines.get(code))));
        }
        for (var row : rows("units.csv")) {
            if (!row.get("kind").equals("COMMAND_CENTRE")) {
                continue;
            }
            var area = row.get("area_code");
            events.add(wrap(new OrgUnitChanged(
                    row.get("code"),
                    row.get("code"),
                    row.get("name"),
                    "COMMAND_CENTRE",
                    blank(row.get("parent_unit_code")),
                    List.of(),
                    level(kinds.get(area)),
                    true,
                    LocalDate.parse(row.get("valid_from")),
                    null,
                    area,
                    null)));
        }
        for (var row : rows("categories.csv")) {
            events.add(wrap(new CategoryChanged(
                    row.get("code"),
                    row.get("name"),
                    row.get("name_en"),
                    blank(row.get("parent_code")),
                    row.get("handling_class"),
                    Urgency.valueOf(row.get("default_urgency")),
                    true)));
        }
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(),
                new EnvelopeSerializer())) {
            for (var event : events) {
                producer.send(new ProducerRecord<>(event.topic(), event.key(), event));
            }
            producer.flush();
        }
    }

    private static EventEnvelope<?> wrap(org.whistle.events.EventData data) {
        return EventEnvelope.wrap(data, 1, "org-registry-service", TraceIds.newTraceId(), Clock.systemUTC());
    }

    private static CommandLevel level(String kind) {
        return switch (kind) {
            case "CITY" -> CommandLevel.CITY;
            case "DISTRICT" -> CommandLevel.DISTRICT;
            case "STREET" -> CommandLevel.STREET;
            default -> null;
        };
    }

    private static List<String> ancestry(Map<String, String> parents, String code) {
        var chain = new ArrayList<String>();
        var parent = blank(parents.get(code));
        while (parent != null) {
            chain.addFirst(parent);
            parent = blank(parents.get(parent));
        }
        return chain;
    }

    private static Map<String, String> outlines() {
        var json = JsonMapper.builder().build();
        var outlines = new HashMap<String, String>();
        try {
            var features = json.readTree(Files.readString(CITY.resolve("grids.geojson")))
                    .get("features");
            for (var feature : features) {
                outlines.put(
                        feature.get("properties").get("code").asString(),
                        json.writeValueAsString(feature.get("geometry")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return outlines;
    }

    private static List<Map<String, String>> rows(String file) {
        try {
            var lines = Files.readAllLines(CITY.resolve(file));
            var header = lines.getFirst().split(",", -1);
            var rows = new ArrayList<Map<String, String>>();
            for (var line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                var cells = line.split(",", -1);
                var row = new HashMap<String, String>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], i < cells.length ? cells[i] : "");
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
