package org.whistle.deploy;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operators' CustomResourceDefinitions (vendored in {@code src/test/resources/crds}, see its NOTICE) as JSON
 * Schemas, to check resources as the API server would before the operator sees them: the storage version's
 * {@code openAPIV3Schema}, with unknown fields refused where Kubernetes would drop them (structural schemas prune
 * what they do not declare, so a misspelt field would silently do nothing). CEL rules
 * ({@code x-kubernetes-validations}) are not evaluated.
 */
final class CustomResourceSchemas {

    static final List<String> FILES = List.of(
            "strimzi-040-Crd-kafka.yaml",
            "strimzi-043-Crd-kafkatopic.yaml",
            "strimzi-044-Crd-kafkauser.yaml",
            "strimzi-045-Crd-kafkanodepool.yaml",
            "cnpg-clusters.yaml",
            "cnpg-databases.yaml",
            "cnpg-scheduledbackups.yaml");

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A served version of a kind: {@code group/version} → its schema. */
    record Served(String kind, String apiVersion, Schema schema) {}

    private final Map<String, Served> byKindAndVersion = new LinkedHashMap<>();

    CustomResourceSchemas() {
        for (var file : FILES) {
            Map<String, Object> crd = Repository.documents(read(file)).getFirst();
            var spec = Yamls.map(crd.get("spec"));
            var group = String.valueOf(spec.get("group"));
            var kind = Yamls.string(spec, "names.kind");
            for (var version : Yamls.maps(spec.get("versions"))) {
                if (!Boolean.TRUE.equals(version.get("served"))) {
                    continue;
                }
                var apiVersion = group + "/" + version.get("name");
                var schema = Yamls.map(Yamls.at(version, "schema.openAPIV3Schema"));
                byKindAndVersion.put(
                        kind + " " + apiVersion,
                        new Served(kind, apiVersion, REGISTRY.getSchema(JSON.valueToTree(structural(schema)))));
            }
        }
    }

    /** Whether one of the definitions declares the document's kind, in any version. */
    boolean declares(Map<String, Object> document) {
        return byKindAndVersion.values().stream()
                .anyMatch(served -> served.kind().equals(document.get("kind")));
    }

    /** What the API server would refuse in the document; empty when it would be accepted. */
    List<String> problems(Map<String, Object> document) {
        var served = byKindAndVersion.get(document.get("kind") + " " + document.get("apiVersion"));
        if (served == null) {
            return List.of(document.get("kind") + " " + document.get("apiVersion") + " is not a served version");
        }
        return served.schema().validate(JSON.valueToTree(document)).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .toList();
    }

    /** The schema as Kubernetes applies it: undeclared fields refused, {@code nullable} honoured. */
    @SuppressWarnings("unchecked")
    static Object structural(Object node) {
        if (node instanceof List<?> list) {
            var copy = new ArrayList<>();
            list.forEach(item -> copy.add(structural(item)));
            return copy;
        }
        if (!(node instanceof Map<?, ?> map)) {
            return node;
        }
        var schema = new LinkedHashMap<String, Object>();
        ((Map<String, Object>) map).forEach((key, value) -> schema.put(key, structural(value)));
        if (schema.containsKey("properties")
                && !schema.containsKey("additionalProperties")
                && !Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"))) {
            schema.put("additionalProperties", false);
        }
        if (Boolean.TRUE.equals(schema.get("nullable")) && schema.get("type") instanceof String type) {
            schema.put("type", List.of(type, "null"));
        }
        if (Boolean.TRUE.equals(schema.get("x-kubernetes-int-or-string"))) {
            schema.remove("type");
        }
        return schema;
    }

    private static String read(String file) {
        try (InputStream in = CustomResourceSchemas.class.getResourceAsStream("/crds/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no vendored CRD " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
