package org.whistle.messaging.outbox.admin;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.whistle.messaging.MessagingAutoConfiguration;
import org.whistle.messaging.outbox.ParkedEvents;
import org.whistle.security.ResourceServerChain;
import org.whistle.security.Role;

/**
 * Gives every servlet service with an outbox {@code /admin/outbox/parked}. Only where the service checks bearer
 * tokens (it has a {@link JwtDecoder}): without one the endpoint would be open, so it does not exist.
 */
@AutoConfiguration(
        after = MessagingAutoConfiguration.class,
        afterName = "org.whistle.security.ServiceSecurityAutoConfiguration",
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"
        })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(
        value = {HttpSecurity.class, JwtDecoder.class},
        name = "org.whistle.security.ResourceServerChain")
@ConditionalOnBean({ParkedEvents.class, JwtDecoder.class})
public class ParkedEventsAdminAutoConfiguration {

    /**
     * The one chain for {@code /admin/outbox/**}: a bearer token the service's own {@code JwtDecoder} accepts (so
     * whatever checks the service applies to tokens apply here) carrying {@link Role#ADMINISTRATOR}. Declared here
     * rather than by each service, so that org-registry — whose remaining paths are a form-login page — answers these
     * paths the same way as every other service.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain parkedOutboxEvents(HttpSecurity http) throws Exception {
        return ResourceServerChain.bearerTokens()
                .build(http.securityMatcher("/admin/outbox/**")
                        .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(Role.ADMINISTRATOR.name())));
    }

    @Bean
    ParkedEventsController parkedEventsController(ParkedEvents parked) {
        return new ParkedEventsController(parked);
    }
}
