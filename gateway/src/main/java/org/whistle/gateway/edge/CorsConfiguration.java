package org.whistle.gateway.edge;

import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.whistle.gateway.EdgeProperties;

/** CORS for the configured front-end origins only; with none configured, no response carries CORS headers. */
@Configuration(proxyBeanMethods = false)
class CorsConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 5)
    CorsWebFilter corsWebFilter(EdgeProperties properties) {
        var source = new UrlBasedCorsConfigurationSource();
        var origins = properties.cors().allowedOrigins();
        if (!origins.isEmpty()) {
            var cors = new org.springframework.web.cors.CorsConfiguration();
            cors.setAllowedOrigins(List.copyOf(origins));
            cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            cors.setAllowedHeaders(List.of("Content-Type", "Authorization", "X-Request-Id", "traceparent"));
            cors.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Location"));
            cors.setAllowCredentials(true);
            cors.setMaxAge(Duration.ofHours(1));
            source.registerCorsConfiguration("/**", cors);
        }
        return new CorsWebFilter(source);
    }
}
