package org.whistle.gateway;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's edge settings ({@code whistle.gateway.*}); the defaults live in {@code application.yml}.
 *
 * @param trustedProxies addresses whose {@code X-Forwarded-For} is believed; anyone else is keyed by the socket
 *     address
 */
@ConfigurationProperties("whistle.gateway")
public record EdgeProperties(
        List<String> trustedProxies, RateLimits rateLimits, RequestSize requestSize, Cors cors, Resilience resilience) {

    /** The coarse per-client-address limit on the anonymous routes (POST /api/whistles/**, /open311/v2/**). */
    public record RateLimits(int anonymousLimitForPeriod, Duration anonymousPeriod) {}

    /** Largest request body accepted on upload paths and everywhere else. */
    public record RequestSize(DataSize uploads, List<String> uploadPaths, DataSize other) {}

    /** Front-end origins allowed to call the API from a browser; empty means no CORS at all. */
    public record Cors(List<String> allowedOrigins) {}

    /** Circuit breaker and time limit applied to every route except the SSE streams. */
    public record Resilience(
            Duration timeLimit,
            float failureRateThreshold,
            int slidingWindowSize,
            int minimumNumberOfCalls,
            Duration waitInOpenState,
            Duration retryAfter) {}
}
