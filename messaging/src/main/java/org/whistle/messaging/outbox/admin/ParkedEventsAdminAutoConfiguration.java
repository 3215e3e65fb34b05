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
        name = "org.whistle.security.ServiceSecurityAutoConfiguration")
@ConditionalOnBean({ParkedEvents.class, JwtDecoder.class})
public class ParkedEventsAdminAutoConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain parkedOutboxEvents(HttpSecurity http) throws Exception {
        return ParkedEventsSecurity.chain(http);
    }

    @Bean
    ParkedEventsController parkedEventsController(ParkedEvents parked) {
        return new ParkedEventsController(parked);
    }
}
