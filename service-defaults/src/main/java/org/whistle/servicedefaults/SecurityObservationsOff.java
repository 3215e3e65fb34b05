package org.whistle.servicedefaults;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Takes Spring Security's observations out of the request path when {@code management.observations.enable.spring.security}
 * is false (the service defaults). That property alone only makes each observation a no-op: Spring Security still
 * wrapped every filter of every chain in an {@code ObservationFilterChainDecorator} and every authentication and
 * authorisation manager in an observing one, and so did the work of starting and stopping no-op observations around
 * each of them, per request (issue 22: dispatch's profile at the bench's knee ran every request through
 * {@code ObservationFilterChainDecorator}; its own work is what goes).
 * Spring Security only leaves the chain undecorated when a {@link SecurityObservationSettings} bean says so; this is
 * that bean, for servlet and reactive services alike, and setting the property to true brings the observations back.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springframework.security.config.observation.SecurityObservationSettings")
@ConditionalOnProperty(name = "management.observations.enable.spring.security", havingValue = "false")
public class SecurityObservationsOff {

    @Bean
    @ConditionalOnMissingBean
    static SecurityObservationSettings securityObservationsOff() {
        return SecurityObservationSettings.noObservations();
    }
}
