package org.whistle.messaging.outbox.admin;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.whistle.security.Role;
import org.whistle.security.SecurityProblems;
import org.whistle.security.ServiceSecurityAutoConfiguration;

/**
 * The one chain for {@code /admin/outbox/**}: a bearer token the service's own {@code JwtDecoder} accepts (so
 * whatever checks the service applies to tokens apply here) carrying {@link Role#ADMINISTRATOR}. Declared by
 * messaging rather than each service, so that org-registry — whose remaining paths are a form-login page — answers
 * these paths the same way as every other service.
 */
final class ParkedEventsSecurity {

    private ParkedEventsSecurity() {}

    static SecurityFilterChain chain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/admin/outbox/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(Role.ADMINISTRATOR.name()))
                .oauth2ResourceServer(server -> server.authenticationEntryPoint(SecurityProblems.unauthorized())
                        .accessDeniedHandler(SecurityProblems.forbidden())
                        .jwt(jwt ->
                                jwt.jwtAuthenticationConverter(ServiceSecurityAutoConfiguration.rolesAsAuthorities())))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(SecurityProblems.unauthorized())
                        .accessDeniedHandler(SecurityProblems.forbidden()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
