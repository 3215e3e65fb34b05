package org.whistle.dispatch;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.whistle.testing.RealInfrastructure;

/**
 * The one configuration of every dispatch-service test on real PostgreSQL and Kafka, so all of them share one cached
 * application context (one database, one set of consumers), whose statements per request are counted
 * ({@link StatementCounting}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "whistle.messaging.consumer.max-retries=2",
            "whistle.messaging.consumer.initial-backoff=50ms",
            "whistle.messaging.consumer.max-backoff=200ms",
            // The business gauges read the database afresh on every scrape, so a test sees an action's effect at once.
            "whistle.dispatch.metrics-refresh=0s"
        })
@RealInfrastructure
@Import(StatementCounting.class)
public @interface DispatchServiceTest {}
