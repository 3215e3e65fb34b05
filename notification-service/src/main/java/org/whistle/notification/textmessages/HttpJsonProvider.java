package org.whistle.notification.textmessages;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.whistle.notification.delivery.Delivery;
import org.whistle.notification.delivery.Undeliverable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A generic HTTP JSON provider: {@code POST uri} with {@code {"channel","to","template","templateId","text"}} and the
 * API key as a bearer token; the templates map turns our template names into the provider's approved template ids.
 * 2xx is sent; 408, 429 and 5xx are retried; other answers are refused.
 */
class HttpJsonProvider implements TextMessageProvider {

    private final URI uri;
    private final @Nullable String apiKey;
    private final Map<String, String> templates;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpJsonProvider(URI uri, @Nullable String apiKey, Map<String, String> templates) {
        this.uri = uri;
        this.apiKey = apiKey;
        this.templates = Map.copyOf(templates);
    }

    @Override
    public boolean needsContact() {
        return true;
    }

    @Override
    public Sent send(Delivery delivery, String address, String text) throws IOException, InterruptedException {
        var body = new LinkedHashMap<String, String>();
        body.put("channel", delivery.channel().name());
        body.put("to", address);
        body.put("template", delivery.template());
        body.put("templateId", templates.getOrDefault(delivery.template(), delivery.template()));
        body.put("text", text);
        var request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json");
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        var response = http.send(
                request.POST(HttpRequest.BodyPublishers.ofString(
                                JsonMapper.shared().writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Sent("provider HTTP " + status, null);
        }
        if (status == 408 || status == 429 || status >= 500) {
            throw new IOException("provider HTTP " + status);
        }
        throw Undeliverable.refused("provider HTTP " + status);
    }
}
