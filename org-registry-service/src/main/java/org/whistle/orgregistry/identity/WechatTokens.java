package org.whistle.orgregistry.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.whistle.orgregistry.identity.domain.Account;

/**
 * The access token a mini program gets for a resident: made by the authorization server's own JWT generator with its
 * key and claims customizer, so it is Whistle's usual resident token ({@code token_use: access}, audience
 * {@code whistle-api}, roles, name and the {@code wechat_openid} claim) and lives as long as the first-party clients'
 * (15 minutes); the mini program signs in again with a new {@code wx.login} code, so there is no refresh token.
 */
final class WechatTokens {

    /** The client a mini program's tokens name beside {@code whistle-api}; it takes no other grant and no secret. */
    static final String CLIENT_ID = "whistle-wechat-mini-program";

    static final AuthorizationGrantType GRANT =
            new AuthorizationGrantType("urn:whistle:grant-type:wechat-mini-program");

    static final Duration LIFETIME = Duration.ofMinutes(15);

    private static final RegisteredClient CLIENT = RegisteredClient.withId(CLIENT_ID)
            .clientId(CLIENT_ID)
            .clientName("微信小程序")
            .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
            .authorizationGrantType(GRANT)
            .scope("profile")
            .tokenSettings(
                    TokenSettings.builder().accessTokenTimeToLive(LIFETIME).build())
            .build();

    private final JwtGenerator generator;
    private final IdentityProperties identity;

    WechatTokens(JwtGenerator generator, IdentityProperties identity) {
        this.generator = generator;
        this.identity = identity;
    }

    Jwt issue(Account account, HttpServletRequest request) {
        var authorities = account.profile().roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
        Authentication principal = UsernamePasswordAuthenticationToken.authenticated(
                User.withUsername(account.username())
                        .password("")
                        .authorities(authorities)
                        .build(),
                null,
                authorities);
        var issuer = identity.issuer() != null && !identity.issuer().isBlank()
                ? identity.issuer()
                : ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        var context = DefaultOAuth2TokenContext.builder()
                .registeredClient(CLIENT)
                .principal(principal)
                .authorizationServerContext(new Server(issuer))
                .authorizedScopes(Set.of("profile"))
                .tokenType(OAuth2TokenType.ACCESS_TOKEN)
                .authorizationGrantType(GRANT)
                .build();
        var jwt = generator.generate(context);
        if (jwt == null) {
            throw new IllegalStateException("the JWT generator made no access token for a mini program");
        }
        return jwt;
    }

    private record Server(String issuer) implements AuthorizationServerContext {

        @Override
        public String getIssuer() {
            return issuer;
        }

        @Override
        public AuthorizationServerSettings getAuthorizationServerSettings() {
            return AuthorizationServerSettings.builder().issuer(issuer).build();
        }
    }
}
