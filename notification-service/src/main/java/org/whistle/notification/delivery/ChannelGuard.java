package org.whistle.notification.delivery;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import org.whistle.notification.NotificationProperties.Resilience;

/**
 * One channel's resilience: each attempt waits for the channel's rate limit and is cut off at its time limit; failed
 * attempts are retried with exponential backoff, except {@link Undeliverable} ones.
 */
final class ChannelGuard {

    private final Retry retry;
    private final RateLimiter rateLimiter;
    private final TimeLimiter timeLimiter;
    private final ExecutorService attempts;
    private final Clock clock;

    ChannelGuard(String channel, Resilience settings, ExecutorService attempts, Clock clock) {
        this.retry = Retry.of(
                channel,
                RetryConfig.custom()
                        .maxAttempts(settings.maxAttempts())
                        .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.initialBackoff(), 2.0))
                        .ignoreExceptions(Undeliverable.class)
                        .build());
        this.rateLimiter = RateLimiter.of(
                channel,
                RateLimiterConfig.custom()
                        .limitForPeriod(settings.perSecond())
                        .limitRefreshPeriod(Duration.ofSeconds(1))
                        .timeoutDuration(Duration.ofSeconds(30))
                        .build());
        this.timeLimiter = TimeLimiter.of(TimeLimiterConfig.custom()
                .timeoutDuration(settings.timeout())
                .cancelRunningFuture(true)
                .build());
        this.attempts = attempts;
        this.clock = clock;
    }

    /** Sends with retries, recording each attempt; returns the successful attempt's detail. */
    String send(Channel channel, Delivery delivery, List<DeliveryLog.Attempt> record) throws Throwable {
        return retry.executeCheckedSupplier(() -> {
            RateLimiter.waitForPermission(rateLimiter);
            try {
                var detail = timeLimiter.executeFutureSupplier(() -> attempts.submit(() -> channel.send(delivery)));
                record.add(new DeliveryLog.Attempt(record.size() + 1, clock.instant(), "OK", detail));
                return detail;
            } catch (Exception e) {
                var cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                record.add(new DeliveryLog.Attempt(record.size() + 1, clock.instant(), "FAILED", describe(cause)));
                throw cause;
            }
        });
    }

    static String describe(Throwable failure) {
        var message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
