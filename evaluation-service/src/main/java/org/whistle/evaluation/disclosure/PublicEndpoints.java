package org.whistle.evaluation.disclosure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.whistle.security.ResourceServerChain;

/**
 * The published figures may be read without an account when the city discloses them: these paths let anonymous
 * callers through (only GET is mapped under them), and each endpoint asks {@link Disclosure} before it answers.
 * Everything else keeps the default chain, which requires a token.
 */
@Configuration(proxyBeanMethods = false)
class PublicEndpoints {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 100)
    SecurityFilterChain publicEvaluation(HttpSecurity http) throws Exception {
        return ResourceServerChain.bearerTokens()
                .build(http.securityMatcher("/api/evaluation/public/**")
                        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll()));
    }
}
