package org.whistle.notification.textmessages;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * GET calls to Whistle's own services (intake, org-registry) with this service's token. Built from Boot's
 * {@link RestClient.Builder}, which carries the observation registry, so each call is a client span of the delivery
 * being made and sends its {@code traceparent} (ADR 0054); the callers read status and body themselves.
 */
final class InternalHttp {

    /** What a service answered. */
    record Answer(int statusCode, String body) {}

    private static final int MAX_BODY = 64 * 1024;

    private final RestClient client;

    InternalHttp(RestClient.Builder builder) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.client = builder.requestFactory(requests).build();
    }

    /** @throws IOException when the service cannot be asked now; another attempt may succeed */
    Answer get(URI uri, String authorization) throws IOException {
        try {
            return client.get()
                    .uri(uri)
                    .header(HttpHeaders.AUTHORIZATION, authorization)
                    .exchange(
                            (request, response) ->
                                    new Answer(response.getStatusCode().value(), read(response.getBody())),
                            true);
        } catch (RestClientException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** At most {@link #MAX_BODY} bytes: a contact or a duty phone is a few hundred. */
    private static String read(InputStream body) throws IOException {
        try (body) {
            return new String(body.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
        }
    }
}
