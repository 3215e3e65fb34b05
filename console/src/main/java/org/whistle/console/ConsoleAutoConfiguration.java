package org.whistle.console;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;

/**
 * What the console's static files need beyond being served: the link notification-service's text messages carry,
 * {@code /track/{code}} ({@code whistle.notification.rating-link-base}), sent on to the tracking page with the code
 * after '#'; and pages that
 * are always answered whole. The pages' policy and settings are the gateway's (ADR 0012).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ConsoleAutoConfiguration {

    /** Tracking codes as intake issues them, so nothing else is ever put into the redirect. */
    private static final Pattern TRACKING_CODE = Pattern.compile("[A-Za-z0-9-]{4,40}");

    /** The page shells: the start page and every {@code .html} file. */
    static boolean isPage(String path) {
        return path.equals("/") || path.endsWith(".html");
    }

    /** {@code no-cache} has browsers revalidate the page shells, so a new version is never missed. */
    @Bean
    WebFilter pagesRevalidated() {
        return (exchange, chain) -> {
            if (isPage(exchange.getRequest().getPath().pathWithinApplication().value())) {
                exchange.getResponse().getHeaders().setCacheControl(CacheControl.noCache());
            }
            return chain.filter(exchange);
        };
    }

    @Bean
    RouterFunction<ServerResponse> trackingLinks() {
        return RouterFunctions.route()
                .GET("/track/{code}", request -> {
                    var code = request.pathVariable("code");
                    if (!TRACKING_CODE.matcher(code).matches()) {
                        return ServerResponse.status(HttpStatus.NOT_FOUND).build();
                    }
                    return ServerResponse.status(HttpStatus.FOUND)
                            // After '#': browsers never send the fragment, so the code stays out of every later
                            // request, access log and Referer (the gateway logs this path without it, ADR 0040).
                            .location(URI.create("/track.html#code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)))
                            .build();
                })
                .build();
    }
}
