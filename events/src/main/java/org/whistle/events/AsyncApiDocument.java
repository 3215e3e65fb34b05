package org.whistle.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event contract as an AsyncAPI 3.0 document, generated from the catalogue itself ({@link Topics},
 * {@link EventType} and the JSON Schemas), so it cannot drift from what producers write: every topic with its key,
 * partitions and retention, every event type and version with its schema and headers, and the signed webhook
 * deliveries notification-service makes to department systems (the same envelopes, over HTTPS). The copy under
 * {@code docs/api/asyncapi.json} is checked against it by the build.
 */
public final class AsyncApiDocument {

    /** Where a document's payload schema is JSON Schema 2020-12, the dialect of every schema in this module. */
    static final String SCHEMA_FORMAT = "application/schema+json;version=draft-2020-12";

    private static final String KAFKA_BINDING_VERSION = "0.5.0";
    private static final String HTTP_BINDING_VERSION = "0.3.0";
    private static final JsonMapper JSON = JsonMapper.shared();

    /** What each topic's records are keyed by: one key's events keep their order within the topic. */
    static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry(Topics.WHISTLE_RAISED, "the whistle id"),
            Map.entry(Topics.WHISTLE_ROUTED, "the whistle id"),
            Map.entry(Topics.WHISTLE_REPORTED, "the whistle id"),
            Map.entry(Topics.WHISTLE_CLOSED, "the whistle id"),
            Map.entry(Topics.WHISTLE_ESCALATED, "the whistle id"),
            Map.entry(Topics.WHISTLE_FEEDBACK, "the whistle id"),
            Map.entry(Topics.ORG_UNITS, "the unit's code (compacted: the latest state of each unit is kept)"),
            Map.entry(Topics.ORG_CATEGORIES, "the category's code (compacted)"),
            Map.entry(Topics.ORG_RULES, "the rule's or policy's id (compacted)"),
            Map.entry(Topics.ORG_CALENDARS, "the calendar's id (compacted)"),
            Map.entry(Topics.TIMELINE_CHECKPOINTS, "the checkpoint's sequence number (compacted, one partition)"),
            Map.entry(Topics.EVALUATION_RATINGS, "the rating's id (compacted: a rating's standing result is kept)"),
            Map.entry(Topics.COMMUNITY_TASKS, "the community task's id"),
            Map.entry(Topics.MEMBER_PARTICIPATION, "the member's id"));

    /** The service that writes each topic, through its transactional outbox. */
    static final Map<String, String> PRODUCERS = Map.ofEntries(
            Map.entry(Topics.WHISTLE_RAISED, "intake-service"),
            Map.entry(Topics.WHISTLE_ROUTED, "dispatch-service"),
            Map.entry(Topics.WHISTLE_REPORTED, "dispatch-service"),
            Map.entry(Topics.WHISTLE_CLOSED, "dispatch-service"),
            Map.entry(Topics.WHISTLE_ESCALATED, "sla-service"),
            Map.entry(Topics.WHISTLE_FEEDBACK, "intake-service"),
            Map.entry(Topics.ORG_UNITS, "org-registry-service"),
            Map.entry(Topics.ORG_CATEGORIES, "org-registry-service"),
            Map.entry(Topics.ORG_RULES, "org-registry-service"),
            Map.entry(Topics.ORG_CALENDARS, "org-registry-service"),
            Map.entry(Topics.TIMELINE_CHECKPOINTS, "dispatch-service"),
            Map.entry(Topics.EVALUATION_RATINGS, "evaluation-service"),
            Map.entry(Topics.COMMUNITY_TASKS, "members-service"),
            Map.entry(Topics.MEMBER_PARTICIPATION, "members-service"));

    private AsyncApiDocument() {}

    /** The document, in a stable order (topics as catalogued, then event types as declared). */
    public static ObjectNode generate() {
        var document = JSON.createObjectNode();
        document.put("asyncapi", "3.0.0");
        var info = document.putObject("info");
        info.put("title", "Whistle events");
        info.put("version", "1");
        info.put(
                "description",
                "Every event Whistle's services publish on Kafka and every webhook delivery notification-service makes"
                        + " to department systems. Each record's value is the JSON event envelope (design §3: id, type,"
                        + " version, occurredAt in UTC, whistleId, revision, producer, traceId, data). Within a version"
                        + " fields are only added; consumers ignore fields they do not know and deduplicate by the"
                        + " envelope's id. A breaking change is a new version, published side by side (ADR 0005).");
        document.put("defaultContentType", "application/json");

        var servers = document.putObject("servers");
        var kafka = servers.putObject("kafka");
        kafka.put("host", "kafka:9092");
        kafka.put("protocol", "kafka");
        kafka.put(
                "description",
                "The platform's Kafka cluster (KAFKA_BOOTSTRAP_SERVERS); department systems are granted read access"
                        + " to the topics they need and consume in their own group.");
        var receivers = servers.putObject("webhooks");
        receivers.put("host", "department-system.example");
        receivers.put("protocol", "https");
        receivers.put(
                "description",
                "A department system's receiver: the https URL of each webhook subscription"
                        + " (/api/notifications/webhooks). notification-service POSTs one envelope per request.");

        var channels = document.putObject("channels");
        var operations = document.putObject("operations");
        var components = document.putObject("components");
        var schemas = components.putObject("schemas");
        var messages = components.putObject("messages");

        for (var type : EventType.values()) {
            var name = messageName(type);
            var schema = schemas.putObject(name);
            schema.put("schemaFormat", SCHEMA_FORMAT);
            schema.set("schema", schemaOf(type));
            messages.set(name, kafkaMessage(type));
        }
        for (var topic : Topics.eventTopics()) {
            channels.set(topic.name(), channel(topic));
            var operation = operations.putObject("publish-" + topic.name());
            operation.put("action", "send");
            operation.put("summary", PRODUCERS.get(topic.name()) + " publishes to " + topic.name());
            operation.putObject("channel").put("$ref", "#/channels/" + pointer(topic.name()));
            var refs = operation.putArray("messages");
            typesOn(topic.name())
                    .forEach(type -> refs.addObject()
                            .put("$ref", "#/channels/" + pointer(topic.name()) + "/messages/" + messageName(type)));
        }

        channels.set("webhook", webhookChannel(messages));
        var delivery = operations.putObject("deliver-webhook");
        delivery.put("action", "send");
        delivery.put(
                "summary",
                "notification-service POSTs an event a subscription asked for to its URL, signed; 2xx accepts, 408,"
                        + " 429 and 5xx are retried with exponential backoff");
        delivery.putObject("channel").put("$ref", "#/channels/webhook");
        var refs = delivery.putArray("messages");
        currentTypes()
                .forEach(type ->
                        refs.addObject().put("$ref", "#/channels/webhook/messages/" + webhookMessageName(type)));
        return document;
    }

    private static ObjectNode channel(TopicDefinition topic) {
        var channel = JSON.createObjectNode();
        channel.put("address", topic.name());
        channel.put(
                "description",
                "Written by " + PRODUCERS.get(topic.name()) + "; keyed by " + KEYS.get(topic.name())
                        + ". Poison records go to " + Topics.deadLetterOf(topic.name()) + " with the reason.");
        var channelMessages = channel.putObject("messages");
        typesOn(topic.name())
                .forEach(type -> channelMessages
                        .putObject(messageName(type))
                        .put("$ref", "#/components/messages/" + messageName(type)));
        channel.putArray("servers").addObject().put("$ref", "#/servers/kafka");
        var binding = channel.putObject("bindings").putObject("kafka");
        binding.put("topic", topic.name());
        binding.put("partitions", topic.partitions());
        var configuration = binding.putObject("topicConfiguration");
        configuration.putArray("cleanup.policy").add(topic.compacted() ? "compact" : "delete");
        if (topic.retention() != null) {
            configuration.put("retention.ms", topic.retention().toMillis());
        }
        binding.put("bindingVersion", KAFKA_BINDING_VERSION);
        return channel;
    }

    private static ObjectNode kafkaMessage(EventType type) {
        var message = JSON.createObjectNode();
        message.put("name", type.typeName());
        message.put("title", type.typeName() + " v" + type.version());
        message.put("summary", summaryOf(type));
        message.put("contentType", "application/json");
        var headers = message.putObject("headers");
        headers.put("type", "object");
        var properties = headers.putObject("properties");
        constant(properties.putObject(EventHeaders.TYPE), type.typeName(), "the envelope's type, repeated");
        constant(properties.putObject(EventHeaders.VERSION), Integer.toString(type.version()), "the version, as text");
        text(properties.putObject(EventHeaders.TRACEPARENT), "W3C trace context of the span that published it");
        text(properties.putObject(EventHeaders.EVENT_ID), "the envelope's id (UUIDv7): deduplicate by it");
        headers.putArray("required")
                .add(EventHeaders.TYPE)
                .add(EventHeaders.VERSION)
                .add(EventHeaders.EVENT_ID);
        message.putObject("payload").put("$ref", "#/components/schemas/" + messageName(type));
        var key = message.putObject("bindings").putObject("kafka");
        var keySchema = key.putObject("key");
        keySchema.put("type", "string");
        keySchema.put("description", KEYS.get(type.topic()));
        key.put("bindingVersion", KAFKA_BINDING_VERSION);
        if (type.superseded()) {
            message.put(
                    "description",
                    "Superseded: no longer written, still read (documents of it stay on the topic until retention"
                            + " drops them) into the record of the current version.");
            message.put("x-superseded", true);
        }
        return message;
    }

    private static ObjectNode webhookChannel(ObjectNode kafkaMessages) {
        var channel = JSON.createObjectNode();
        channel.putNull("address");
        channel.put(
                "description",
                "Signed deliveries to a department system. Verify each one: signed = X-Whistle-Timestamp + \".\" +"
                        + " the raw body (UTF-8); expected = \"sha256=\" + lower-case hex of HMAC-SHA256(key = the"
                        + " subscription's secret as UTF-8, signed); compare with X-Whistle-Signature in constant time;"
                        + " refuse a timestamp more than 300 s from your clock (replays); deduplicate by"
                        + " X-Whistle-Event-Id; answer 2xx. Examples: docs/examples/webhook-receiver.");
        channel.putArray("servers").addObject().put("$ref", "#/servers/webhooks");
        var messages = channel.putObject("messages");
        currentTypes().forEach(type -> {
            var message = messages.putObject(webhookMessageName(type));
            message.put("name", type.typeName());
            message.put("title", type.typeName() + " v" + type.version() + " (webhook)");
            message.put("summary", summaryOf(type));
            message.put("contentType", "application/json");
            var headers = message.putObject("headers");
            headers.put("type", "object");
            var properties = headers.putObject("properties");
            text(properties.putObject("X-Whistle-Timestamp"), "Unix seconds when the delivery was signed");
            var signature = properties.putObject("X-Whistle-Signature");
            text(signature, "sha256=<lower-case hex HMAC-SHA256 of timestamp + \".\" + raw body>");
            signature.put("pattern", "^sha256=[0-9a-f]{64}$");
            text(properties.putObject("X-Whistle-Event-Id"), "the envelope's id: deduplicate by it");
            constant(properties.putObject("X-Whistle-Event-Type"), type.typeName(), "the envelope's type");
            var required = headers.putArray("required");
            properties.propertyNames().forEach(required::add);
            message.putObject("payload").put("$ref", "#/components/schemas/" + messageName(type));
            var http = message.putObject("bindings").putObject("http");
            http.put("bindingVersion", HTTP_BINDING_VERSION);
        });
        return channel;
    }

    private static void constant(ObjectNode schema, String value, String description) {
        schema.put("type", "string");
        schema.put("const", value);
        schema.put("description", description);
    }

    private static void text(ObjectNode schema, String description) {
        schema.put("type", "string");
        schema.put("description", description);
    }

    private static List<EventType> typesOn(String topic) {
        return Arrays.stream(EventType.values())
                .filter(type -> type.topic().equals(topic))
                .toList();
    }

    private static List<EventType> currentTypes() {
        return Arrays.stream(EventType.values())
                .filter(type -> !type.superseded())
                .toList();
    }

    static String messageName(EventType type) {
        return type.typeName() + ".v" + type.version();
    }

    static String webhookMessageName(EventType type) {
        return "webhook." + messageName(type);
    }

    /** A JSON Pointer segment: topic names hold no '/' or '~', but the pointer must stay right if one ever does. */
    private static String pointer(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private static String summaryOf(EventType type) {
        var description = schemaOf(type).path("description");
        return description.isMissingNode() ? type.typeName() : description.asString();
    }

    private static final Map<EventType, JsonNode> SCHEMAS = new LinkedHashMap<>();

    private static synchronized JsonNode schemaOf(EventType type) {
        return SCHEMAS.computeIfAbsent(type, AsyncApiDocument::read).deepCopy();
    }

    private static JsonNode read(EventType type) {
        try (InputStream in = AsyncApiDocument.class.getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("no schema for " + type + " at " + type.schemaResource());
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
