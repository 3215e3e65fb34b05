package org.whistle.apidocs;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.events.AsyncApiDocument;

/**
 * The event contract's AsyncAPI 3.0 document at {@value #PATH}, beside the OpenAPI document and as public as it (the
 * gateway publishes it at {@code /api/docs/asyncapi.json}). Generated once from the events module on this class path:
 * the catalogue the service itself was built with.
 */
@Hidden
@RestController
class AsyncApiController {

    static final String PATH = "/v3/api-docs/asyncapi";

    private final String document = AsyncApiDocument.generate().toString();

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> asyncApi() {
        return ResponseEntity.ok(document);
    }
}
