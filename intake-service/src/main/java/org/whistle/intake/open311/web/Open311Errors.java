package org.whistle.intake.open311.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
        switch (e) {
            case Open311Exception refused -> {
                status = refused.status();
                description = refused.getMessage();
            }
            case InvalidInputException invalid -> {
                status = 400;
                description = describe(invalid);
            }
            case NotFoundException missing -> {
                status = 404;
                description = missing.getMessage();
            }
            case ConflictException conflict -> {
                // The spec knows 400, 403 and 404: a request that cannot be taken as it stands is a bad request.
                status = 400;
                description = conflict.getMessage();
            }
            case MissingServletRequestParameterException missing -> {
                status = 400;
                description = missing.getParameterName() + " is required";
            }
            case RateLimitedException limited -> {
                status = 429;
                description = limited.getMessage();
                response.setHeader(
                        "Retry-After",
                        String.valueOf(Math.max(1, limited.retryAfter().toSeconds())));
            }
            case ErrorResponse spring -> {
                status = spring.getStatusCode().value();
                description = springDescription(status, path);
            }
            default -> {
                log.error("Open311 call {} {} failed", request.getMethod(), path, e);
                status = 500;
                description = "the request could not be answered; try again later";
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

    private static String springDescription(int status, String path) {
        return switch (status) {
            case 404 ->
                path.matches(".*\\.[A-Za-z0-9]+$")
                        ? "no Open311 document at " + path
                        : "no Open311 document at " + path + "; name the format as the suffix (.json or .xml)";
            case 405 -> "this method is not offered at " + path;
            case 415 -> "send the body as application/x-www-form-urlencoded or multipart/form-data";
            case 406 -> "the answer comes as JSON or XML, by the path's suffix";
            default -> "the request was refused (" + status + ")";
        };
    }

    /** The fields refused, by the names Open311 gives them. */
    private static String describe(InvalidInputException e) {
        var fields = e.violations().stream()
                .map(Violation::field)
                .distinct()
                .map(field -> field.replace("location.lat", "lat").replace("location.lng", "long"))
                .toList();
        return String.join(
                        "; ",
                        e.violations().stream()
                                .map(v -> v.field() + " " + v.message())
                                .toList()) + " (" + String.join(",", fields) + ")";
    }
}
