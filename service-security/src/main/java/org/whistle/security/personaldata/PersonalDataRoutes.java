package org.whistle.security.personaldata;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The routes of a service that answer with personal data, so that refusals Spring Security makes before a controller
 * runs (no token, a role missing in {@code @PreAuthorize} or the filter chain) are recorded like the controllers' own.
 * A service declares one as a bean:
 *
 * <pre>{@code
 * @Bean PersonalDataRoutes personalDataRoutes() {
 *     return PersonalDataRoutes.builder().route("/internal/whistles/{id}/contact", "reporter-contact").build();
 * }
 * }</pre>
 *
 * The path variable {@code id} (or else the first one), or a query parameter a route names, names the record.
 */
public final class PersonalDataRoutes {

    /** A route: any method when {@code method} is null; the record named by a query parameter when one is given. */
    record Route(
            @Nullable String method,
            PathPattern pattern,
            String resource,
            @Nullable String idParameter) {}

    /** What a request asked for. */
    public record Match(String resource, @Nullable String id, String action) {}

    private final List<Route> routes;

    private PersonalDataRoutes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Match> match(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return match(request.getMethod(), path, request::getParameter);
    }

    public Optional<Match> match(
            String method, String path, java.util.function.Function<String, @Nullable String> query) {
        var container = PathContainer.parsePath(path);
        for (var route : routes) {
            if (route.method() != null && !route.method().equalsIgnoreCase(method)) {
                continue;
            }
            var found = route.pattern().matchAndExtract(container);
            if (found != null) {
                var variables = found.getUriVariables();
                var id = route.idParameter() != null
                        ? query.apply(route.idParameter())
                        : variables.containsKey("id")
                                ? variables.get("id")
                                : variables.values().stream().findFirst().orElse(null);
                return Optional.of(new Match(route.resource(), id, action(method)));
            }
        }
        return Optional.empty();
    }

    /** Reads are reads; anything else changes the record and answers with it. */
    static String action(String method) {
        var upper = method.toUpperCase(Locale.ROOT);
        return upper.equals("GET") || upper.equals("HEAD") ? "read" : "change";
    }

    /** Routes in the order they are tried. */
    public static final class Builder {

        private final List<Route> routes = new ArrayList<>();

        private Builder() {}

        /** Every method on paths matching {@code pattern} (Spring's {@code PathPattern} syntax). */
        public Builder route(String pattern, String resource) {
            return route(null, pattern, resource);
        }

        public Builder route(@Nullable String method, String pattern, String resource) {
            routes.add(new Route(method, PathPatternParser.defaultInstance.parse(pattern), resource, null));
            return this;
        }

        /** A route whose record is named by a query parameter, e.g. {@code ?whistleId=}. */
        public Builder route(@Nullable String method, String pattern, String resource, String idParameter) {
            routes.add(new Route(method, PathPatternParser.defaultInstance.parse(pattern), resource, idParameter));
            return this;
        }

        public PersonalDataRoutes build() {
            return new PersonalDataRoutes(routes);
        }
    }
}
