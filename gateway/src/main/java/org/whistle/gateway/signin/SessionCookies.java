package org.whistle.gateway.signin;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** The cookies only the gateway reads: the session and the CSRF token. */
final class SessionCookies {

    /** Not the default {@code SESSION}, so it cannot be confused with a service's own session cookie. */
    static final String SESSION = "WHISTLE_SESSION";

    static final String CSRF = "XSRF-TOKEN";

    private static final List<String> EDGE_ONLY = List.of(SESSION, CSRF);

    private SessionCookies() {}

    static boolean hasSession(ServerHttpRequest request) {
        return request.getCookies().containsKey(SESSION);
    }

    /**
     * The request's {@code Cookie} header without the gateway's own cookies, so a service never sees a session id
     * it has no use for; empty when nothing is left.
     */
    static String withoutEdgeCookies(List<String> cookieHeaders) {
        var kept = new StringBuilder();
        for (var header : cookieHeaders) {
            for (var pair : header.split(";")) {
                var trimmed = pair.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                var name = trimmed.contains("=") ? trimmed.substring(0, trimmed.indexOf('=')) : trimmed;
                if (EDGE_ONLY.contains(name.trim())) {
                    continue;
                }
                if (!kept.isEmpty()) {
                    kept.append("; ");
                }
                kept.append(trimmed);
            }
        }
        return kept.toString();
    }

    static void stripFrom(HttpHeaders headers) {
        var cookies = headers.get(HttpHeaders.COOKIE);
        if (cookies == null || cookies.isEmpty()) {
            return;
        }
        var kept = withoutEdgeCookies(cookies);
        if (kept.isEmpty()) {
            headers.remove(HttpHeaders.COOKIE);
        } else {
            headers.set(HttpHeaders.COOKIE, kept);
        }
    }
}
