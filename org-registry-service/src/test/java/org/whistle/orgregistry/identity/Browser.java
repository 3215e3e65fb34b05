package org.whistle.orgregistry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as logging in needs one: keeps cookies, does not follow redirects (tests look at each), and
 * sends forms. One per simulated person.
 */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final String @org.jspecify.annotations.Nullable [] forwardedFor;
    private final HttpClient http;

    Browser(String base) {
        this(base, null);
    }

    /**
     * A browser whose requests arrive through a proxy naming {@code address} as the client's (the service believes
     * {@code X-Forwarded-For} from loopback, as from the gateway).
     */
    Browser(String base, @org.jspecify.annotations.Nullable String address) {
        this.forwardedFor = address == null ? null : new String[] {"X-Forwarded-For", address};
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    HttpResponse<String> get(String pathOrUrl, String... headers) {
        var request = HttpRequest.newBuilder(uri(pathOrUrl))
                .timeout(Duration.ofSeconds(10))
                .GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form, String... headers) {
        var request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** Fills in and sends the login form; answers where the server redirects to. */
    String logIn(String username, String password) {
        var page = get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        var csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        var form = new LinkedHashMap<String, String>();
        form.put("username", username);
        form.put("password", password);
        form.put("_csrf", csrf.group(1));
        var response = postForm("/login", form);
        assertThat(response.statusCode()).isEqualTo(302);
        return location(response);
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest request) {
        if (forwardedFor != null) {
            request = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header(forwardedFor[0], forwardedFor[1])
                    .build();
        }
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
