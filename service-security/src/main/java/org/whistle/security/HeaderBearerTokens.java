package org.whistle.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Reads the bearer token from the {@code Authorization} header as Spring Security's default resolver does, without
 * its regular expression for the usual case: {@code Bearer } (any case) and a token of the characters RFC 6750
 * allows, ending in any {@code =}. That expression over each request's kilobyte of token was 1.9 % of dispatch's
 * samples at the lifecycle bench's knee (issue 22). Anything else — no header, another scheme, a malformed token —
 * is left to the default resolver, so it is answered exactly as before.
 */
final class HeaderBearerTokens implements BearerTokenResolver {

    private static final String SCHEME = "Bearer ";

    private final DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();

    @Override
    public @Nullable String resolve(HttpServletRequest request) {
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && wellFormed(header)) {
            return header.substring(SCHEME.length());
        }
        return standard.resolve(request);
    }

    /** Whether {@code header} matches {@code ^Bearer [a-zA-Z0-9-._~+/]+=*$}, ignoring the scheme's case. */
    static boolean wellFormed(String header) {
        int length = header.length();
        if (length <= SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        int i = SCHEME.length();
        while (i < length && tokenCharacter(header.charAt(i))) {
            i++;
        }
        if (i == SCHEME.length()) {
            return false;
        }
        while (i < length && header.charAt(i) == '=') {
            i++;
        }
        return i == length;
    }

    private static boolean tokenCharacter(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }
}
