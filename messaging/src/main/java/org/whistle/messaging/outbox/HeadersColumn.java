package org.whistle.messaging.outbox;

import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The outbox's {@code headers} column: the Kafka headers of an event as a JSON object of strings. */
final class HeadersColumn {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {};

    private HeadersColumn() {}

    static String write(Map<String, String> headers) {
        return JSON.writeValueAsString(headers);
    }

    static Map<String, String> read(String column) {
        return JSON.readValue(column, STRINGS);
    }
}
