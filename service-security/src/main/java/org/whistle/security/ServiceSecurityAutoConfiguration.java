package org.whistle.security;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every servlet service checks tokens itself (defence in depth behind the gateway): signatures against
 * org-registry's JWK set (once per token, {@link VerifiedTokens}), that the token is an access token for Whistle's APIs (type and audience,
 * {@link AccessTokens}), expiry, and the issuer when configured. Roles become {@code ROLE_<name>} authorities;
 * controllers take a {@link Caller} argument (null for anonymous requests a service lets through).
 *
 * <p>The default chain opens probes, metrics and the OpenAPI description and requires a token for everything else;
 * it and every chain a service declares itself are configured by {@link ResourceServerChain};
 * a service that serves anonymous callers somewhere declares its own chain for those paths with a higher order.
 * org-registry, which issues the tokens, declares its own decoder and so none of this applies there.
 */
// Before Boot's own defaults, which would otherwise add a form-login chain for every request.
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"
        })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnMissingBean(JwtDecoder.class)
@EnableConfigurationProperties(ServiceSecurityProperties.class)
@EnableMethodSecurity
public class ServiceSecurityAutoConfiguration implements WebMvcConfigurer {

    @Bean
    JwtDecoder jwtDecoder(ServiceSecurityProperties properties) {
        var decoder = NimbusJwtDecoder.withJwkSetUri(
                        properties.jwksUriOrDefault().toString())
                .build();
        // Each token's signature is checked once; what it says, on every request (VerifiedTokens, ADR 0029).
        return VerifiedTokens.checking(
                decoder, AccessTokens.validator(properties.issuer(), properties.audienceOrDefault()));
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 10)
    SecurityFilterChain bearerTokens(HttpSecurity http) throws Exception {
        return ResourceServerChain.bearerTokens()
                .build(http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated()));
    }

    /** The stock firewall's rules with its header checks as loops rather than regular expressions (issue 22). */
    @Bean
    @ConditionalOnMissingBean(HttpFirewall.class)
    HttpFirewall requestChecks() {
        return RequestChecks.firewall();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Caller.class;
            }

            @Override
            public @org.jspecify.annotations.Nullable Object resolveArgument(
                    MethodParameter parameter,
                    ModelAndViewContainer container,
                    NativeWebRequest request,
                    WebDataBinderFactory binders) {
                return current();
            }
        });
    }

    /** The caller of the current request, or null when it carries no token. */
    public static @org.jspecify.annotations.Nullable Caller current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Caller.of((Jwt) token.getPrincipal());
        }
        return null;
    }
}
