package org.whistle.gateway.resilience;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadConfigurationBuilder;
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
                .circuitBreakerConfig(breaker(resilience))
                .timeLimiterConfig(TimeLimiterConfig.custom()
                        .timeoutDuration(resilience.timeLimit())
                        .cancelRunningFuture(true)
                        .build())
                .build());
    }

    /**
     * Spring Cloud CircuitBreaker puts a semaphore bulkhead inside every breaker, by default 25 calls at once. At 32
     * people working at once the bench saw it full, and its refusals counted as the service failing, so the breaker
     * opened on a service that had not answered one error. The bulkhead now bounds what one gateway has in flight to
     * one service at {@code max-concurrent-calls}; what it sheds is a 503 but not the service's fault.
     */
    @Bean
    Customizer<ReactiveResilience4jBulkheadProvider> routeBulkheads(EdgeProperties properties) {
        var config = bulkhead(properties.resilience());
        return provider -> provider.configureDefault(id -> new Resilience4jBulkheadConfigurationBuilder()
                .bulkheadConfig(config)
                .build());
    }

    static CircuitBreakerConfig breaker(EdgeProperties.Resilience resilience) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(resilience.failureRateThreshold())
                .slidingWindowSize(resilience.slidingWindowSize())
                .minimumNumberOfCalls(resilience.minimumNumberOfCalls())
                .waitIntervalFunctionInOpenState(openStateWaits(resilience))
                .ignoreExceptions(BulkheadFullException.class)
                .build();
    }

    static BulkheadConfig bulkhead(EdgeProperties.Resilience resilience) {
        return BulkheadConfig.custom()
                .maxConcurrentCalls(resilience.maxConcurrentCalls())
                .maxWaitDuration(Duration.ZERO)
                .build();
    }

    /** 2 s, 4 s, 8 s … up to the longest wait, with the defaults: see {@link EdgeProperties.Resilience}. */
    static IntervalFunction openStateWaits(EdgeProperties.Resilience resilience) {
        return IntervalFunction.ofExponentialBackoff(
                resilience.waitInOpenState(), 2.0, resilience.longestWaitInOpenState());
    }
}
