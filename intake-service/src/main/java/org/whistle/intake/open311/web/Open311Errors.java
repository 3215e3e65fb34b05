package org.whistle.intake.open311.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.whistle.intake.limits.RateLimitedException;
import org.whistle.intake.open311.Open311Exception;
import org.whistle.problems.ConflictException;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.problems.Violation;
import org.whistle.texts.Catalogue;
import org.whistle.texts.Phrase;

/**
 * Every error on an {@code /open311/} path in the spec's error format, whatever raised it: the façade's own refusals,
 * checks of the whistle's fields, rate limits, and what Spring refuses before any handler runs (a path without a
 * format suffix, a body that is not a form, a wrong method). Open311 clients parse these bodies; a problem detail
 * would reach them as garbage. In the suffix's format, else XML (the spec's mandatory one).
 */
@Component
class Open311Errors implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

    private final Open311Rendering rendering;

    Open311Errors(Open311Rendering rendering) {
        this.rendering = rendering;
    }

    @Override
    public int getOrder() {
        // Before Spring's resolvers and the problem-detail advice, which would answer these paths otherwise.
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public @Nullable ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception e) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/open311/")) {
            return null;
        }
        int status;
        String description;
        // The caller's language (ADR 0036): Chinese unless Accept-Language ranks English above it.
        var texts = Catalogue.of(LocaleContextHolder.getLocale());
        switch (e) {
            case Open311Exception refused -> {
                status = refused.status();
                description = refused.description(texts);
            }
            case InvalidInputException invalid -> {
                status = 400;
                description = describe(invalid, texts);
            }
            case NotFoundException missing -> {
                status = 404;
                description = notFound(missing, texts);
            }
            case ConflictException conflict -> {
                // The spec knows 400, 403 and 404: a request that cannot be taken as it stands is a bad request.
                status = 400;
                description = conflict.reason(texts);
            }
            case MissingServletRequestParameterException missing -> {
                status = 400;
                description =
                        texts.text("intake.open311.missingParameter", Map.of("parameter", missing.getParameterName()));
            }
            case RateLimitedException limited -> {
                status = 429;
                description = limited.reason().in(texts);
                response.setHeader(
                        "Retry-After",
                        String.valueOf(Math.max(1, limited.retryAfter().toSeconds())));
            }
            case ErrorResponse spring -> {
                status = spring.getStatusCode().value();
                description = springDescription(status, path, texts);
            }
            default -> {
                log.error("Open311 call {} {} failed", request.getMethod(), path, e);
                status = 500;
                description = texts.text("intake.open311.failed");
            }
        }
        var format = path.toLowerCase(Locale.ROOT).endsWith(".json") ? "json" : "xml";
        try {
            response.setStatus(status);
            response.setContentType(Open311Rendering.type(format).toString());
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(rendering.error(format, status, description));
            response.getWriter().flush();
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        return new ModelAndView();
    }

    private static String springDescription(int status, String path, Catalogue texts) {
        return switch (status) {
            case 404 ->
                path.matches(".*\\.[A-Za-z0-9]+$")
                        ? texts.text("intake.open311.noDocument", Map.of("path", path))
                        : texts.text("intake.open311.noDocumentSuffix", Map.of("path", path));
            case 405 -> texts.text("intake.open311.method", Map.of("path", path));
            case 415 -> texts.text("intake.open311.mediaType");
            case 406 -> texts.text("intake.open311.notAcceptable");
            default -> texts.text("intake.open311.refused", Map.of("status", status));
        };
    }

    /** What was not found, by its kind's name; the id the caller sent is not repeated. */
    private static String notFound(NotFoundException missing, Catalogue texts) {
        var kind = "problem.resource." + missing.kind().replace(' ', '-');
        return texts.text(
                "problem.detail.not-found", Map.of("resource", Phrase.of(texts.has(kind) ? kind : "problem.resource")));
    }

    /** The fields refused, by the names Open311 gives them. */
    private static String describe(InvalidInputException e, Catalogue texts) {
        var fields = e.violations().stream()
                .map(Violation::field)
                .distinct()
                .map(field -> field.replace("location.lat", "lat").replace("location.lng", "long"))
                .toList();
        return String.join(
                        "; ",
                        e.violations().stream()
                                .map(v -> v.field() + ": " + v.in(texts).message())
                                .toList()) + " (" + String.join(",", fields) + ")";
    }
}
