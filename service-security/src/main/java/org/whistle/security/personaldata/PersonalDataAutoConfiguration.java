package org.whistle.security.personaldata;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;

/**
 * The access-decision log in every servlet service, org-registry included (it keeps its own token setup, not its own
 * log): {@link AccessDecisions} on the service's {@link Clock} and meter registry, and Spring Security's refusals
 * published as events so {@link SecurityDenials} can record those on {@link PersonalDataRoutes}.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration"
        })
@ConditionalOnWebApplication(type = Type.SERVLET)
public class PersonalDataAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AccessDecisions accessDecisions(
            Environment environment, ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters) {
        return new AccessDecisions(
                environment.getProperty("spring.application.name", "whistle"),
                clock.getIfUnique(Clock::systemUTC),
                meters.getIfUnique());
    }

    /** Without a publisher bean, {@code @PreAuthorize} refusals raise no event. Denials only, as by default. */
    @Bean
    @ConditionalOnMissingBean(AuthorizationEventPublisher.class)
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
        return new SpringAuthorizationEventPublisher(events);
    }

    @Bean
    SecurityDenials personalDataSecurityDenials(AccessDecisions decisions, ObjectProvider<PersonalDataRoutes> routes) {
        return new SecurityDenials(decisions, routes.orderedStream().toList());
    }
}
