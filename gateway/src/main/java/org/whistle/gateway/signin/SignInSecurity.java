package org.whistle.gateway.signin;

import java.net.URI;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfServerLogoutHandler;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;
import org.springframework.web.util.UriComponentsBuilder;
import org.whistle.gateway.EdgeProperties;
import org.whistle.gateway.edge.Problems;
import org.whistle.texts.Phrase;
import reactor.core.publisher.Mono;

/**
 * The gateway's one security chain. It lets every request through to the services, which check tokens and decide
 * access themselves; its work is signing people in for the web pages, keeping their tokens in the session, and
 * refusing cookie-authenticated writes without the CSRF token. It runs only where that work is
 * ({@link RequestsForTheSession}): a relayed request without the session cookie does not go through it.
 */
@Configuration(proxyBeanMethods = false)
class SignInSecurity {

    static final String REGISTRATION = "whistle";
    static final String AUTHORIZATION_PATH = "/bff/authorization";
    static final String CALLBACK_PATH = "/bff/callback";
    static final String LOGOUT_PATH = "/bff/logout";

    @Bean
    SecurityWebFilterChain signIn(
            ServerHttpSecurity http,
            ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients,
            EdgeProperties edge) {
        var authorizationRequests = new DefaultServerOAuth2AuthorizationRequestResolver(
                registrations, new PathPatternParserServerWebExchangeMatcher(AUTHORIZATION_PATH + "/{registrationId}"));
        // The gateway is a confidential client, and still proves it started the login it finishes (RFC 9700 §2.1.1).
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        var csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict").secure(edge.servedOverTls()));
        // Not run for what only relays without a session: the services check those tokens themselves.
        return http.securityMatcher(new RequestsForTheSession())
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .oauth2Login(login -> login.authorizationRequestResolver(authorizationRequests)
                        .authenticationMatcher(
                                new PathPatternParserServerWebExchangeMatcher(CALLBACK_PATH + "/{registrationId}"))
                        .authorizedClientRepository(authorizedClients)
                        .authenticationSuccessHandler(new ReturnToRequestedPage())
                        .authenticationFailureHandler(
                                new RedirectServerAuthenticationFailureHandler("/?signin=failed")))
                // An explicit entry point also keeps Spring from generating its own /login page, which would hide
                // org-registry's.
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((exchange, e) -> Problems.write(
                                exchange,
                                HttpStatus.UNAUTHORIZED,
                                "not-signed-in",
                                Phrase.of("problem.gateway.notSignedIn.title"),
                                Phrase.of("problem.gateway.notSignedIn.detail", "login", "/bff/login"),
                                Duration.ZERO))
                        .accessDeniedHandler(SignInSecurity::csrfRefused))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .accessDeniedHandler(SignInSecurity::csrfRefused)
                        // The pages send the cookie's value back as it is; BREACH masking only matters for tokens
                        // written into response bodies, which these never are.
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(new CookieAuthenticatedWrites()))
                .logout(logout -> logout.logoutUrl(LOGOUT_PATH)
                        .logoutHandler(new DelegatingServerLogoutHandler(
                                new SecurityContextServerLogoutHandler(),
                                new WebSessionServerLogoutHandler(),
                                new CsrfServerLogoutHandler(csrfTokens)))
                        .logoutSuccessHandler(endSessionAtIssuer(edge)))
                // The edge filter writes the security headers for every response, the fallbacks included.
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .build();
    }

    private static Mono<Void> csrfRefused(ServerWebExchange exchange, AccessDeniedException refused) {
        return Problems.write(
                exchange,
                HttpStatus.FORBIDDEN,
                "csrf",
                Phrase.of("problem.gateway.csrf.title"),
                Phrase.of("problem.gateway.csrf.detail", "header", "X-XSRF-TOKEN", "cookie", "XSRF-TOKEN"),
                Duration.ZERO);
    }

    /** The person's tokens live in their session, and go when it goes — not in a map that only grows. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(
            ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients) {
        var manager = new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                // Renewed a little early, so a token does not expire between the gateway and the service.
                .refreshToken(refresh -> refresh.clockSkew(Duration.ofSeconds(30)))
                .build());
        return manager;
    }

    /** The session cookie: HttpOnly, and not sent on cross-site requests other than top-level navigation. */
    @Bean
    WebSessionIdResolver sessionCookie(EdgeProperties edge) {
        var resolver = new CookieWebSessionIdResolver();
        resolver.setCookieName(SessionCookies.SESSION);
        resolver.addCookieInitializer(
                cookie -> cookie.httpOnly(true).sameSite("Lax").path("/").secure(edge.servedOverTls()));
        return resolver;
    }

    /**
     * Makes sure a signed-in browser holds a CSRF cookie to send back: the token is created lazily, so without
     * asking for it the cookie would never be written.
     */
    @Bean
    WebFilter csrfCookieForSessions() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            if (token == null || !SessionCookies.hasSession(exchange.getRequest())) {
                return chain.filter(exchange);
            }
            return token.then(chain.filter(exchange));
        };
    }

    /**
     * After the gateway's session ends, ends the person's session at org-registry too (OIDC RP-initiated logout),
     * which sends them back to the home page; otherwise the next sign-in would pass without a password.
     */
    private static ServerLogoutSuccessHandler endSessionAtIssuer(EdgeProperties edge) {
        var redirects = new DefaultServerRedirectStrategy();
        return (filterExchange, authentication) -> {
            var exchange = filterExchange.getExchange();
            if (!(authentication instanceof OAuth2AuthenticationToken token)
                    || !(token.getPrincipal() instanceof OidcUser person)) {
                return redirects.sendRedirect(exchange, URI.create("/"));
            }
            var home = edge.publicUrl() != null
                    ? edge.publicUrl() + "/"
                    : UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
                            .replacePath("/")
                            .replaceQuery(null)
                            .build()
                            .toUriString();
            var endSession = UriComponentsBuilder.fromPath("/connect/logout")
                    .queryParam("id_token_hint", person.getIdToken().getTokenValue())
                    .queryParam("post_logout_redirect_uri", home)
                    .encode()
                    .build()
                    .toUri();
            return redirects.sendRedirect(exchange, endSession);
        };
    }
}
