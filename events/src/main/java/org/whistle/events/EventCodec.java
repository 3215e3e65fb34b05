package org.whistle.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jackson 3 (de)serialisation of envelopes. Tolerant reader: unknown fields are ignored, so producers may add fields
 * within a version; unknown types or versions and missing required fields are refused with a reason.
 */
public final class EventCodec {

    private static final EventCodec INSTANCE = new EventCodec();

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();

    private EventCodec() {}

    public static EventCodec instance() {
        return INSTANCE;
    }

    public byte[] encode(EventEnvelope<?> envelope) {
        return mapper.writeValueAsBytes(envelope);
    }

    public String encodeToString(EventEnvelope<?> envelope) {
        return mapper.writeValueAsString(envelope);
    }

    public EventEnvelope<?> decode(byte[] document) {
        try {
            return decode(mapper.readTree(document));
        } catch (JacksonException e) {
            throw new EventDecodingException("not a JSON event envelope: " + e.getOriginalMessage(), e);
        }
    }

    public EventEnvelope<?> decode(String document) {
        return decode(document.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private EventEnvelope<?> decode(JsonNode root) {
        if (!root.isObject()) {
            throw new EventDecodingException("an event envelope is a JSON object");
        }
        String typeName = text(root, "type");
        int version = root.path("version").asInt(-1);
        var type = EventType.named(typeName, version)
                .orElseThrow(() -> new EventDecodingException("unknown event type " + typeName + " v" + version));
        try {
            EventData data = mapper.treeToValue(required(root, "data"), type.dataClass());
            var whistle = root.path("whistleId");
            var origin = root.path("origin");
            return new EventEnvelope<>(
                    java.util.UUID.fromString(text(root, "id")),
                    typeName,
                    version,
                    java.time.Instant.parse(text(root, "occurredAt")),
                    whistle.isMissingNode() || whistle.isNull() ? null : WhistleId.of(whistle.asString()),
                    required(root, "revision").asLong(),
                    text(root, "producer"),
                    text(root, "traceId"),
                    data,
                    origin.isMissingNode() || origin.isNull() ? null : Origin.valueOf(origin.asString()));
        } catch (JacksonException e) {
            throw new EventDecodingException(
                    "malformed " + typeName + " v" + version + ": " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new EventDecodingException("invalid " + typeName + " v" + version + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode root, String field) {
        var node = root.get(field);
        if (node == null || node.isNull()) {
            throw new EventDecodingException("envelope field missing: " + field);
        }
        return node;
    }

    private static String text(JsonNode root, String field) {
        var node = required(root, field);
        if (!node.isString()) {
            throw new EventDecodingException("envelope field " + field + " must be a string");
        }
        return node.asString();
    }
}
