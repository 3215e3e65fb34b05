package org.whistle.testing.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A servlet service's promise to integrators: its OpenAPI document describes every endpoint it maps
 * ({@link ApiDocumentCheck}), and the copy committed under {@code docs/api/<service>.json} is the one it serves, so
 * people can read it without running anything. A service's {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}
 * application test implements this interface. After an intended API change, regenerate the copy with
 * {@code -Dwhistle.api-docs.write=true}.
 */
public interface DocumentsItsApi {

    JsonMapper PRETTY =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Test
    default void documentsEveryEndpointItMaps(ApplicationContext context) throws Exception {
        var mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        var endpoints = ApiDocumentCheck.endpoints(mapping.getHandlerMethods());

        assertThat(endpoints).as("the service maps endpoints of its own").isNotEmpty();
        assertThat(ApiDocumentCheck.gaps(endpoints, served(context)))
                .as("endpoints the OpenAPI document does not describe")
                .isEmpty();
    }

    @Test
    default void servesTheDocumentCommittedUnderDocsApi(ApplicationContext context) throws Exception {
        var served = served(context);
        var committed = committedDocument(context.getEnvironment().getRequiredProperty("spring.application.name"));
        if (Boolean.getBoolean("whistle.api-docs.write")) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, PRETTY.writeValueAsString(served) + "\n");
        }

        assertThat(committed)
                .as("regenerate with -Dwhistle.api-docs.write=true")
                .exists();
        assertThat(PRETTY.readTree(Files.readString(committed)))
                .as(committed + " is stale: regenerate it with -Dwhistle.api-docs.write=true and commit it")
                .isEqualTo(served);
    }

    /** The OpenAPI 3.1 document the running service serves. */
    static JsonNode served(ApplicationContext context) throws Exception {
        var port = context.getEnvironment().getRequiredProperty("local.server.port");
        try (var http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET /v3/api-docs").isEqualTo(200);
            var document = PRETTY.readTree(response.body());
            assertThat(document.path("openapi").asString()).startsWith("3.1");
            return document;
        }
    }

    /** docs/api/ of the repository, found from the module's directory the build runs the tests in. */
    static Path committedDocument(String service) {
        var directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("mvnw"))) {
            directory = directory.getParent();
        }
        assertThat(directory)
                .as("the repository root above " + Path.of("").toAbsolutePath())
                .isNotNull();
        return directory.resolve("docs").resolve("api").resolve(service + ".json");
    }
}
