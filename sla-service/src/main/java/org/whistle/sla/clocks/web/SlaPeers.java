package org.whistle.sla.clocks.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks another SLA instance for what its stores hold, with the caller's token. Built from Boot's
 * {@link RestClient.Builder}, which carries the observation registry: each call is a client span of the request being
 * answered and sends its {@code traceparent} (ADR 0054), so the peer's answer is in the same trace.
 */
@Component
class SlaPeers {

    private static final Logger log = LoggerFactory.getLogger(SlaPeers.class);

    private final RestClient peers;

    SlaPeers(RestClient.Builder builder) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(Duration.ofSeconds(5));
        this.peers = builder.requestFactory(requests).build();
    }

    /** The peer's answer, empty when it holds nothing (404) or did not answer (logged). */
    <T> Optional<T> ask(HostInfo host, String path, String authorization, ParameterizedTypeReference<T> type) {
        try {
            var response = peers.get()
                    .uri(URI.create("http://" + host.host() + ":" + host.port() + path))
                    .header(HttpHeaders.AUTHORIZATION, authorization)
                    .header(SlaController.FORWARDED, "true")
                    .retrieve()
                    .onStatus(status -> status.value() == 404, (request, ignored) -> {})
                    .toEntity(type);
            return response.getStatusCode().is2xxSuccessful()
                    ? Optional.ofNullable(response.getBody())
                    : Optional.empty();
        } catch (RestClientException e) {
            log.warn("SLA instance {} did not answer {}: {}", host, path, e.getMessage());
            return Optional.empty();
        }
    }
}
