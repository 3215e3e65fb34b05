package org.whistle.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The one way a Whistle chain checks bearer tokens: the service's {@code JwtDecoder}, the {@code roles} claim as
 * {@code ROLE_} authorities, refusals as problem details ({@link SecurityProblems}), no session and no CSRF (nothing
 * rides on a cookie). A chain states only which paths it matches and who may call them, then hands itself here:
 *
 * <pre>{@code
 * return ResourceServerChain.bearerTokens()
 *         .build(http.securityMatcher("/api/**").authorizeHttpRequests(r -> r.anyRequest().authenticated()));
 * }</pre>
 */
public final class ResourceServerChain implements Customizer<HttpSecurity> {

    private final @Nullable BearerTokenResolver tokens;

    private ResourceServerChain(@Nullable BearerTokenResolver tokens) {
        this.tokens = tokens;
    }

    /** Tokens read from the {@code Authorization} header only. */
    public static ResourceServerChain bearerTokens() {
        return new ResourceServerChain(null);
    }

    /** Tokens read by {@code resolver} instead (EventSource clients, which cannot set headers, send them in the URL). */
    public ResourceServerChain readingTokensWith(BearerTokenResolver resolver) {
        return new ResourceServerChain(resolver);
    }

    @Override
    public void customize(HttpSecurity http) {
        http.oauth2ResourceServer(server -> {
                    server.bearerTokenResolver(tokens != null ? tokens : new HeaderBearerTokens());
                    server.authenticationEntryPoint(SecurityProblems.unauthorized())
                            .accessDeniedHandler(SecurityProblems.forbidden())
                            .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesAsAuthorities()));
                })
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(SecurityProblems.unauthorized())
                        .accessDeniedHandler(SecurityProblems.forbidden()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
    }

    /** Applies the resource-server configuration to {@code http} (its matcher and rules already set) and builds it. */
    public SecurityFilterChain build(HttpSecurity http) throws Exception {
        customize(http);
        return http.build();
    }

    /** Reads the {@code roles} claim into {@code ROLE_} authorities. */
    public static JwtAuthenticationConverter rolesAsAuthorities() {
        var authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(TokenClaims.ROLES);
        authorities.setAuthorityPrefix("ROLE_");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}
