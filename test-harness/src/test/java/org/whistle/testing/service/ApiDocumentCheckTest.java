package org.whistle.testing.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The completeness check on a fixture: a controller and documents that describe it fully or with one gap. */
class ApiDocumentCheckTest {

    @ResponseBody
    static class Fixture {

        @GetMapping("/api/things/{code}")
        String thing(@PathVariable String code, @RequestParam(name = "lang", required = false) String language) {
            return code + language;
        }

        @PostMapping("/api/things")
        String create(@RequestBody String body, @RequestHeader("Idempotency-Key") String key) {
            return body + key;
        }

        @GetMapping(path = "/login", produces = "text/html")
        ResponseEntity<String> page() {
            return ResponseEntity.ok("<html/>");
        }
    }

    private final ObjectNode complete = (ObjectNode) JsonMapper.shared().readTree("""
            {"openapi": "3.1.0", "paths": {
              "/api/things/{code}": {"get": {
                "parameters": [{"name": "code", "in": "path"}, {"name": "lang", "in": "query"}],
                "responses": {"200": {"description": "OK"}, "400": {"$ref": "#/components/responses/BadRequest"}}}},
              "/api/things": {"post": {
                "parameters": [{"name": "Idempotency-Key", "in": "header"}],
                "requestBody": {"content": {"application/json": {"schema": {"type": "string"}}}},
                "responses": {"200": {"description": "OK"}, "400": {"$ref": "#/components/responses/BadRequest"}}}}
            }}""");

    @Test
    void findsNoGapInADocumentThatDescribesEveryEndpoint() {
        assertThat(ApiDocumentCheck.gaps(ApiDocumentCheck.endpoints(mappings()), complete))
                .isEmpty();
    }

    @Test
    void leavesPagesOutOfTheApi() {
        assertThat(ApiDocumentCheck.endpoints(mappings()))
                .noneMatch(endpoint -> endpoint.path().equals("/login"));
    }

    @Test
    void namesAnEndpointTheDocumentLacks() {
        ((ObjectNode) complete.get("paths")).remove("/api/things");

        assertThat(ApiDocumentCheck.gaps(ApiDocumentCheck.endpoints(mappings()), complete))
                .containsExactly("POST /api/things (Fixture.create) is not in the document");
    }

    @Test
    void namesAMissingMethodParameterBodyOrProblemAnswer() {
        var thing = (ObjectNode) complete.at("/paths/~1api~1things~1{code}/get");
        thing.withArray("parameters").remove(1);
        ((ObjectNode) thing.get("responses")).remove("400");
        var create = (ObjectNode) complete.at("/paths/~1api~1things/post");
        create.remove("requestBody");

        assertThat(ApiDocumentCheck.gaps(ApiDocumentCheck.endpoints(mappings()), complete))
                .containsExactlyInAnyOrder(
                        "GET /api/things/{code} (Fixture.thing) lacks its parameter 'lang'",
                        "GET /api/things/{code} (Fixture.thing) documents no problem-detail answer",
                        "POST /api/things (Fixture.create) lacks its request body's schema");

        ((ObjectNode) complete.at("/paths/~1api~1things")).remove("post");
        assertThat(ApiDocumentCheck.gaps(ApiDocumentCheck.endpoints(mappings()), complete))
                .contains("POST /api/things (Fixture.create) is not in the document");
    }

    private static Map<RequestMappingInfo, HandlerMethod> mappings() {
        var fixture = new Fixture();
        var mappings = new LinkedHashMap<RequestMappingInfo, HandlerMethod>();
        try {
            mappings.put(
                    RequestMappingInfo.paths("/api/things/{code}")
                            .methods(org.springframework.web.bind.annotation.RequestMethod.GET)
                            .build(),
                    new HandlerMethod(fixture, Fixture.class.getDeclaredMethod("thing", String.class, String.class)));
            mappings.put(
                    RequestMappingInfo.paths("/api/things")
                            .methods(org.springframework.web.bind.annotation.RequestMethod.POST)
                            .build(),
                    new HandlerMethod(fixture, Fixture.class.getDeclaredMethod("create", String.class, String.class)));
            mappings.put(
                    RequestMappingInfo.paths("/login")
                            .methods(org.springframework.web.bind.annotation.RequestMethod.GET)
                            .produces("text/html")
                            .build(),
                    new HandlerMethod(fixture, Fixture.class.getDeclaredMethod("page")));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        return mappings;
    }
}
