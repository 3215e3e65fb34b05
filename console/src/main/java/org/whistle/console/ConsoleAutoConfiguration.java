package org.whistle.console;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;

/**
 * Serves what static files cannot: the pages' Content-Security-Policy (the gateway's default, {@code default-src
 * 'none'}, is right for APIs and would blank every page), the map configuration, and the short tracking link
 * {@code /track/{code}} that text messages carry.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleAutoConfiguration {

    /** Tracking codes as intake issues them, so nothing else is ever put into the redirect. */
    private static final Pattern TRACKING_CODE = Pattern.compile("[A-Za-z0-9-]{4,40}");

    /**
     * The pages' policy: scripts only from here ({@code 'unsafe-eval'} because Vue compiles the pages' in-DOM
     * templates in the browser — ADR 0014), no plug-ins, no framing, data only from this origin. No form-action: signing
     * out is a form whose redirects end the session at org-registry, wherever its public address is.
     */
    static String contentSecurityPolicy(ConsoleProperties properties) {
        var images = new LinkedHashSet<String>();
        images.add("'self'");
        images.add("data:");
        images.add("blob:");
        images.addAll(tileOrigins(properties.tileUrl()));
        images.addAll(tileOrigins(properties.labelUrl()));
        return "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src "
                + String.join(" ", images)
                + "; media-src 'self' blob:; connect-src 'self'; object-src 'none'; frame-ancestors 'none';"
                + " base-uri 'none'";
    }

    /** The origin of a tile template as a CSP source; {@code {s}} in the host becomes a wildcard label. */
    static Set<String> tileOrigins(@Nullable String template) {
        if (template == null) {
            return Set.of();
        }
        var uri = URI.create(template.replace("{s}", "s-sub").replaceAll("\\{[a-zA-Z]+}", "0"));
        if (uri.getScheme() == null || uri.getHost() == null) {
            return Set.of();
        }
        var host = uri.getHost();
        if (host.contains("s-sub")) {
            int dot = host.indexOf('.');
            host = "*" + host.substring(dot);
        }
        return Set.of(uri.getScheme() + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
    }

    /** Whether a path is one of the console's pages (the policy matters on documents, not on scripts or data). */
    static boolean isPage(String path) {
        return path.equals("/") || path.endsWith(".html");
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    WebFilter consolePagePolicy(ConsoleProperties properties) {
        var policy = contentSecurityPolicy(properties);
        return (exchange, chain) -> {
            if (isPage(exchange.getRequest().getPath().value())) {
                var headers = exchange.getResponse().getHeaders();
                headers.set("Content-Security-Policy", policy);
                headers.set("Permissions-Policy", "geolocation=(self), camera=(self), microphone=(self)");
                headers.setCacheControl(CacheControl.noCache());
            }
            return chain.filter(exchange);
        };
    }

    @Bean
    RouterFunction<ServerResponse> consoleRoutes(ConsoleProperties properties) {
        var config = new LinkedHashMap<String, @Nullable Object>();
        var map = new LinkedHashMap<String, @Nullable Object>();
        map.put("tileUrl", properties.tileUrl());
        map.put("labelUrl", properties.labelUrl());
        map.put("subdomains", properties.subdomains());
        map.put("attribution", properties.attribution());
        map.put("maxZoom", properties.maxZoom());
        config.put("map", map);
        config.put("timeZone", "Asia/Shanghai");
        Map<String, @Nullable Object> body = Map.copyOf(nonNull(config));
        return RouterFunctions.route()
                .GET(
                        "/console-config.json",
                        request -> ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .cacheControl(CacheControl.noCache())
                                .bodyValue(body))
                .GET("/track/{code}", request -> {
                    var code = request.pathVariable("code");
                    if (!TRACKING_CODE.matcher(code).matches()) {
                        return ServerResponse.status(HttpStatus.NOT_FOUND).build();
                    }
                    return ServerResponse.status(HttpStatus.FOUND)
                            .location(URI.create("/track.html?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)))
                            .build();
                })
                .build();
    }

    private static Map<String, Object> nonNull(Map<String, @Nullable Object> config) {
        var copy = new LinkedHashMap<String, Object>();
        config.forEach((key, value) -> {
            if (value != null) {
                copy.put(key, value);
            }
        });
        return copy;
    }
}
