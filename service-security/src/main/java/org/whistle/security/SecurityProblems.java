package org.whistle.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.whistle.problems.AcceptLanguage;
import org.whistle.texts.Catalogue;

/**
 * The security filters' refusals as RFC 9457 problem details, like every other error a Whistle service answers: 401
 * for a missing, expired or forged token and 403 for a caller who may not, each keeping the {@code WWW-Authenticate}
 * challenge of RFC 6750. Every chain that reads bearer tokens uses both, for its resource server and its exception
 * handling.
 */
public final class SecurityProblems {

    static final String TYPE_PREFIX = "urn:whistle:problem:";

    private SecurityProblems() {}

    /** 401: no token where one is needed, or one that is expired, forged or otherwise not valid. */
    public static AuthenticationEntryPoint unauthorized() {
        var challenge = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            challenge.commence(request, response, exception);
            var texts = catalogue(request);
            var detail = exception instanceof InvalidBearerTokenException
                    ? texts.text("problem.security.invalidToken.detail")
                    : texts.text("problem.security.unauthorized.detail");
            write(
                    request,
                    response,
                    HttpServletResponse.SC_UNAUTHORIZED,
                    "unauthorized",
                    texts.text("problem.security.unauthorized.title"),
                    detail);
        };
    }

    /**
     * 403: the caller is known and may not do this. The one way a service refuses: a rule of the chain or a
     * {@code @PreAuthorize} refuses with the role-or-scope sentence; a service's own check throws Spring's
     * {@link AccessRefusedException} naming why by catalogue key, and that reason, in the caller's language, is the
     * detail (a plain {@link AccessDeniedException}'s message, from a site not converted, is shown as it is).
     */
    public static AccessDeniedHandler forbidden() {
        var challenge = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            challenge.handle(request, response, exception);
            var texts = catalogue(request);
            String detail;
            if (exception instanceof AccessRefusedException refused) {
                detail = refused.reason().in(texts);
            } else if (exception.getClass() == AccessDeniedException.class && exception.getMessage() != null) {
                detail = exception.getMessage();
            } else {
                detail = texts.text("problem.security.forbidden.detail");
            }
            write(
                    request,
                    response,
                    HttpServletResponse.SC_FORBIDDEN,
                    "forbidden",
                    texts.text("problem.security.forbidden.title"),
                    detail);
        };
    }

    /** Titles and our own details follow the caller's language, by problem-details' one rule (ADR 0036). */
    private static Catalogue catalogue(HttpServletRequest request) {
        return AcceptLanguage.prefersEnglish(request.getHeader("Accept-Language"))
                ? Catalogue.english()
                : Catalogue.chinese();
    }

    private static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String slug,
            String title,
            String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"" + TYPE_PREFIX + slug + "\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + json(detail) + "\",\"instance\":\"" + json(request.getRequestURI())
                        + "\"}");
    }

    private static String json(String text) {
        var out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
