package org.whistle.orgregistry.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.whistle.security.ResourceServerChain;
import org.whistle.security.Role;

/**
 * The API accepts only bearer tokens this service signed: reading organisation data needs any valid token, changing
 * it needs {@link Role#ADMINISTRATOR}; {@code /internal/**} reads are for Whistle services (the SERVICE role). Probes, metrics and the OpenAPI description are open, as the network
 * policy keeps them inside the cluster.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class ApiSecurity {

    static final String ADMINISTRATOR = Role.ADMINISTRATOR.name();

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        // /internal/**: reads for Whistle services only (each endpoint requires the SERVICE role), not routed by the
        // gateway
        return ResourceServerChain.bearerTokens()
                .build(http.securityMatcher("/api/**", "/internal/**")
                        .authorizeHttpRequests(
                                requests -> requests.requestMatchers(HttpMethod.GET, "/api/**", "/internal/**")
                                        .authenticated()
                                        .anyRequest()
                                        .hasRole(ADMINISTRATOR)));
    }

    @Bean
    @Order(3)
    SecurityFilterChain operations(HttpSecurity http) throws Exception {
        return http.securityMatcher("/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
