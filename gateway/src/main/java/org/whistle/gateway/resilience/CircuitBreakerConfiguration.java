package org.whistle.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.whistle.gateway.EdgeProperties;

/**
 * One circuit breaker per route (named after the route in {@code application.yml}), all configured alike from
 * {@code whistle.gateway.resilience.*}. The time limit is part of it, so the SSE route simply has no breaker.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerConfiguration {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> routeCircuitBreakers(EdgeProperties properties) {
        var resilience = properties.resilience();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .failureRateThreshold(resilience.failureRateThreshold())
                        .slidingWindowSize(resilience.slidingWindowSize())
                        .minimumNumberOfCalls(resilience.minimumNumberOfCalls())
                        .waitIntervalFunctionInOpenState(openStateWaits(resilience))
                        .build())
                .timeLimiterConfig(TimeLimiterConfig.custom()
                        .timeoutDuration(resilience.timeLimit())
                        .cancelRunningFuture(true)
                        .build())
                .build());
    }

    /** 2 s, 4 s, 8 s … up to the longest wait, with the defaults: see {@link EdgeProperties.Resilience}. */
    static IntervalFunction openStateWaits(EdgeProperties.Resilience resilience) {
        return IntervalFunction.ofExponentialBackoff(
                resilience.waitInOpenState(), 2.0, resilience.longestWaitInOpenState());
    }
}
