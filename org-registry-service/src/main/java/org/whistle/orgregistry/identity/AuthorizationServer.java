package org.whistle.orgregistry.identity;

import java.util.ArrayList;
import java.util.Collection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.whistle.orgregistry.identity.domain.Profile;
import org.whistle.security.AccessTokens;
import org.whistle.security.Role;
import org.whistle.security.TokenClaims;

/**
 * The OAuth2 / OpenID Connect authorization server: authorization code with PKCE for people (via the login page),
 * refresh tokens, and client credentials for bound systems. Clients, authorizations and consents live in
 * PostgreSQL; tokens are signed with the {@link SigningKeys} key and carry Whistle's claims ({@link TokenClaims}).
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServer {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
        var authorizationServer = new OAuth2AuthorizationServerConfigurer();
        return http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // The OIDC user-info endpoint takes the access token as a bearer token.
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(LoginSecurity.LOGIN_PAGE),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .build();
    }

    /** The issuer is fixed when configured; otherwise each request's own URL decides it. */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        var settings = AuthorizationServerSettings.builder();
        if (properties.issuer() != null && !properties.issuer().isBlank()) {
            settings.issuer(properties.issuer());
        }
        return settings.build();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcRegisteredClients stored, ClientBindings bindings) {
        return new BoundClients(stored.repository(), bindings);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(
            JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    /**
     * Says in the token itself that it is an access token for Whistle's APIs ({@link AccessTokens}): the claim
     * {@code token_use: access} and the audience {@value AccessTokens#AUDIENCE} beside the client's id, which the
     * server puts there. ID tokens keep only the client as audience and no {@code token_use}, so a service can tell
     * them apart and refuse them. The claim rather than RFC 9068's {@code typ: at+jwt} header, which services before
     * this check refused: org-registry can be upgraded before them.
     */
    private static void markAsAccessToken(JwtEncodingContext context) {
        context.getClaims().claim(AccessTokens.TOKEN_USE, AccessTokens.ACCESS);
        context.getClaims().claims(claims -> {
            var audience = new ArrayList<String>();
            if (claims.get(JwtClaimNames.AUD) instanceof Collection<?> named) {
                named.forEach(name -> audience.add(String.valueOf(name)));
            }
            if (!audience.contains(AccessTokens.AUDIENCE)) {
                audience.add(AccessTokens.AUDIENCE);
            }
            claims.put(JwtClaimNames.AUD, audience);
        });
    }

    /**
     * Puts roles, org scope, unit and name into access and ID tokens: from the account for people (checked again on
     * refresh, so a disabled account gets no new tokens), from the binding for client-credentials clients.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> whistleClaims(
            Accounts accounts, ClientBindings bindings, WechatIdentities wechat) {
        return context -> {
            var isAccessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            var isIdToken =
                    OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (!isAccessToken && !isIdToken) {
                return;
            }
            var claims = context.getClaims();
            if (isAccessToken) {
                markAsAccessToken(context);
            }
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                var clientId = context.getRegisteredClient().getClientId();
                bindings.find(clientId).ifPresent(binding -> {
                    claims.claim(
                            TokenClaims.ROLES, java.util.List.of(binding.role().name()));
                    claims.claim(TokenClaims.ORG_SCOPE, binding.scope());
                    claims.claim(TokenClaims.UNIT, binding.unit());
                    claims.claim(TokenClaims.NAME, clientId);
                });
                return;
            }
            var username = context.getPrincipal().getName();
            var account = accounts.find(username)
                    .filter(found -> found.enabled() && !found.locked())
                    .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT));
            Profile profile = account.profile();
            claims.claim(
                    TokenClaims.ROLES,
                    new ArrayList<>(profile.roles().stream().map(Role::name).toList()));
            claims.claim(TokenClaims.ORG_SCOPE, new ArrayList<>(profile.scope()));
            if (profile.unit() != null) {
                claims.claim(TokenClaims.UNIT, profile.unit());
            }
            claims.claim(TokenClaims.NAME, profile.displayName());
            // A resident who signed in through WeChat: where progress messages reach them (ADR 0046).
            wechat.messagingOpenId(account.id()).ifPresent(openId -> claims.claim(TokenClaims.WECHAT_OPENID, openId));
        };
    }
}
