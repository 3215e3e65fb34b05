package org.whistle.intake.open311.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.whistle.intake.open311.Documents;
import tools.jackson.databind.json.JsonMapper;

/** Open311 documents and error bodies, in JSON or in the spec's XML with its element names. */
@Component
class Open311Rendering {

    private static final Map<String, String> ITEMS =
            Map.of("attributes", "attribute", "values", "value", "endpoints", "endpoint", "formats", "format");
    static final MediaType XML = new MediaType("text", "xml", StandardCharsets.UTF_8);

    private final JsonMapper json;

    Open311Rendering(JsonMapper json) {
        this.json = json;
    }

    ResponseEntity<String> ok(String format, String root, String item, Object document) {
        return ResponseEntity.ok().contentType(type(format)).body(body(format, root, item, document));
    }

    /** The spec's error document: {@code [{"code", "description"}]} or {@code <errors><error>…}. */
    String error(String format, int code, String description) {
        // In the spec's order, code then description: Map.of would order them differently from one JVM to the next.
        var error = new LinkedHashMap<String, Object>();
        error.put("code", code);
        error.put("description", description);
        return body(format, "errors", "error", List.of(error));
    }

    static MediaType type(String format) {
        return format.equals("xml") ? XML : MediaType.APPLICATION_JSON;
    }

    private String body(String format, String root, String item, Object document) {
        return format.equals("xml") ? Documents.xml(root, item, document, ITEMS) : Documents.json(json, document);
    }
}
