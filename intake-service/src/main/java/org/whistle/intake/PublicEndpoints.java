package org.whistle.intake;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.whistle.security.ResourceServerChain;

/**
 * Whistles may be raised and followed without an account (人人皆可吹哨), and Open311 clients authenticate with an
 * {@code api_key}: these paths let anonymous callers through, while a bearer token, when sent, still identifies
 * the caller. Each endpoint decides what an anonymous caller may see; everything else keeps the default chain.
 */
@Configuration(proxyBeanMethods = false)
class PublicEndpoints {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 100)
    SecurityFilterChain anonymousIntake(HttpSecurity http) throws Exception {
        return ResourceServerChain.bearerTokens()
                .build(http.securityMatcher("/api/whistles", "/api/whistles/**", "/open311/**")
                        // Proposing grids for a caller's address is for signed-in dispatchers (checked by role in the
                        // service), 我的吹哨 is the signed-in reporter's own list and the search by phone number is
                        // for dispatchers; an anonymous caller is asked to sign in (401).
                        .authorizeHttpRequests(requests -> requests.requestMatchers(
                                        "/api/whistles/places", "/api/whistles/mine", "/api/whistles/phone-search")
                                .authenticated()
                                .anyRequest()
                                .permitAll()));
    }
}
