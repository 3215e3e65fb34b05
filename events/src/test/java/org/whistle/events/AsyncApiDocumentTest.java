package org.whistle.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class AsyncApiDocumentTest {

    private static final JsonMapper PRETTY =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private final ObjectNode document = AsyncApiDocument.generate();

    @Test
    void describesEveryTopicOfTheCatalogueWithItsKeyProducerAndRetention() {
        for (var topic : Topics.eventTopics()) {
            var channel = document.path("channels").path(topic.name());
            assertThat(channel.path("address").asString()).as(topic.name()).isEqualTo(topic.name());
            assertThat(channel.path("description").asString())
                    .as("key and producer of " + topic.name())
                    .doesNotContain("null");
            assertThat(channel.at("/bindings/kafka/partitions").asInt()).isEqualTo(topic.partitions());
            assertThat(channel.at("/bindings/kafka/topicConfiguration/cleanup.policy/0")
                            .asString())
                    .isEqualTo(topic.compacted() ? "compact" : "delete");
            assertThat(document.path("operations").has("publish-" + topic.name()))
                    .isTrue();
        }
        assertThat(AsyncApiDocument.KEYS).containsOnlyKeys(names());
        assertThat(AsyncApiDocument.PRODUCERS).containsOnlyKeys(names());
    }

    @Test
    void describesEveryEventTypeAndVersionWithItsSchemaOnItsTopic() throws IOException {
        for (var type : EventType.values()) {
            var name = AsyncApiDocument.messageName(type);
            try (var in = getClass().getResourceAsStream(type.schemaResource())) {
                assertThat(document.at("/components/schemas/" + name + "/schema"))
                        .as(name)
                        .isEqualTo(PRETTY.readTree(in));
            }
            assertThat(document.at("/channels/" + type.topic() + "/messages/" + name + "/$ref")
                            .asString())
                    .isEqualTo("#/components/messages/" + name);
            assertThat(document.at("/components/messages/" + name + "/headers/properties/type/const")
                            .asString())
                    .isEqualTo(type.typeName());
            if (!type.superseded()) {
                assertThat(document.at("/channels/webhook/messages/" + AsyncApiDocument.webhookMessageName(type)
                                + "/headers/required"))
                        .as("the webhook delivery of " + name)
                        .hasSize(4);
            }
        }
    }

    @Test
    void isAValidAsyncApi3Document() throws IOException {
        try (var in = getClass().getResourceAsStream("/org/whistle/events/asyncapi/asyncapi-3.0.0.schema.json")) {
            var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(PRETTY.readTree(in));

            assertThat(schema.validate(document)).isEmpty();
        }
    }

    @Test
    void refusesADocumentThatBreaksTheAsyncApiSchema() throws IOException {
        var broken = document.deepCopy();
        ((ObjectNode) broken.at("/operations/publish-whistle-raised")).put("action", "publish");
        try (var in = getClass().getResourceAsStream("/org/whistle/events/asyncapi/asyncapi-3.0.0.schema.json")) {
            var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(PRETTY.readTree(in));

            assertThat(schema.validate(broken)).as("the schema check can fail").isNotEmpty();
        }
    }

    @Test
    void resolvesEveryLocalReference() {
        var unresolved = new ArrayList<String>();
        references(document, unresolved);
        assertThat(unresolved).isEmpty();
    }

    @Test
    void isTheDocumentCommittedUnderDocsApi() throws IOException {
        var committed = repositoryRoot().resolve("docs/api/asyncapi.json");
        if (Boolean.getBoolean("whistle.api-docs.write")) {
            Files.writeString(committed, PRETTY.writeValueAsString(document) + "\n");
        }

        assertThat(PRETTY.readTree(Files.readString(committed)))
                .as(committed + " is stale: regenerate it with -Dwhistle.api-docs.write=true and commit it")
                .isEqualTo(document);
    }

    private void references(JsonNode node, List<String> unresolved) {
        if (node.isObject()) {
            var ref = node.path("$ref");
            // Inside the embedded JSON Schemas, "#/…" points into that schema, not into this document.
            if (ref.isString() && ref.asString().startsWith("#/")) {
                var target = document.at(ref.asString().substring(1));
                if (target.isMissingNode()) {
                    unresolved.add(ref.asString());
                }
            }
            node.properties().forEach(entry -> {
                if (!entry.getKey().equals("schema") || !node.has("schemaFormat")) {
                    references(entry.getValue(), unresolved);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> references(element, unresolved));
        }
    }

    private static String[] names() {
        return Topics.eventTopics().stream().map(TopicDefinition::name).toArray(String[]::new);
    }

    private static Path repositoryRoot() {
        var directory = Path.of("").toAbsolutePath();
        while (!Files.exists(directory.resolve("mvnw"))) {
            directory = directory.getParent();
        }
        return directory;
    }
}
