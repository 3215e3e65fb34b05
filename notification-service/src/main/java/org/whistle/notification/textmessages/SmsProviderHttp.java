package org.whistle.notification.textmessages;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.whistle.notification.NotificationProperties;
import org.whistle.notification.delivery.Undeliverable;
import org.whistle.notification.textmessages.domain.SmsTemplate;

/**
 * What the Alibaba Cloud and Tencent Cloud adapters share: one client that follows no redirect, so a request goes to
 * the configured endpoint and nowhere else; bounded time and a bounded answer; the templates registered by name.
 */
final class SmsProviderHttp {

    /** More than any provider's answer to one message; a longer one is cut, not buffered. */
    static final int MAX_ANSWER = 64 * 1024;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Duration timeout;
    private final Map<String, SmsTemplate> templates;

    SmsProviderHttp(Duration timeout, Map<String, NotificationProperties.RegisteredTemplate> registered) {
        this.timeout = timeout;
        var byName = new HashMap<String, SmsTemplate>();
        registered.forEach((name, template) -> {
            if (template.code() == null || template.code().isBlank()) {
                throw new IllegalStateException("the SMS template registered for " + name + " has no code");
            }
            byName.put(name, new SmsTemplate(template.code(), template.parameters()));
        });
        this.templates = Map.copyOf(byName);
    }

    /** The template registered for a message kind; a kind with none cannot go out by this provider. */
    SmsTemplate template(String kind) {
        var template = templates.get(kind);
        if (template == null) {
            throw Undeliverable.refused("没有为此类消息登记短信模板（" + kind + "）");
        }
        return template;
    }

    Answer post(URI endpoint, HttpRequest.Builder request, String body) throws IOException, InterruptedException {
        var response = http.send(
                request.uri(endpoint)
                        .timeout(timeout)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (var in = response.body()) {
            return new Answer(response.statusCode(), new String(in.readNBytes(MAX_ANSWER), StandardCharsets.UTF_8));
        }
    }

    record Answer(int status, String body) {

        /** 408, 429 and 5xx: the provider could not take it now; another attempt may succeed. */
        boolean retryable() {
            return status == 408 || status == 429 || status >= 500;
        }
    }

    static String required(@org.jspecify.annotations.Nullable String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("whistle.notification.sms." + property + " is not configured");
        }
        return value;
    }
}
