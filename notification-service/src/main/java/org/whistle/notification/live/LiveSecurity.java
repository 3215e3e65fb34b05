package org.whistle.notification.live;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.whistle.security.ResourceServerChain;

/**
 * The streams' own chain: like the shared one, but EventSource clients, which cannot set headers, may pass the token
 * as {@code ?access_token=}. Async dispatches of an open stream were authorised when it opened. An anonymous
 * reporter's stream ({@code /tracked/{id}}) needs no token: it is opened with a stream ticket (ADR 0059).
 */
@Configuration(proxyBeanMethods = false)
class LiveSecurity {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 20)
    SecurityFilterChain liveStreamTokens(HttpSecurity http) throws Exception {
        var tokens = new DefaultBearerTokenResolver();
        tokens.setAllowUriQueryParameter(true);
        return ResourceServerChain.bearerTokens()
                .readingTokensWith(tokens)
                .build(http.securityMatcher("/api/notifications/stream", "/api/notifications/stream/**")
                        .authorizeHttpRequests(
                                requests -> requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                                        .permitAll()
                                        // an anonymous reporter's stream: its ticket is checked by the controller
                                        .requestMatchers("/api/notifications/stream/tracked/*")
                                        .permitAll()
                                        .anyRequest()
                                        .authenticated()));
    }
}
