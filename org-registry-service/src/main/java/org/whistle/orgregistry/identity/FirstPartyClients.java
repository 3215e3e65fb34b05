package org.whistle.orgregistry.identity;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers Whistle's own clients at every start from configuration, so their secret and redirect URIs follow the
 * deployment: the gateway (confidential, for the web pages) and the console (public, PKCE, for the SPA and mobile
 * apps). Both are first-party, so people are not asked for consent.
 */
@Component
class FirstPartyClients implements ApplicationRunner {

    static final String GATEWAY = "whistle-gateway";
    static final String CONSOLE = "whistle-console";

    private static final Logger log = LoggerFactory.getLogger(FirstPartyClients.class);

    private final JdbcRegisteredClients clients;
    private final IdentityProperties properties;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;

    FirstPartyClients(
            JdbcRegisteredClients clients,
            IdentityProperties properties,
            PasswordEncoder passwords,
            TransactionTemplate transactions) {
        this.clients = clients;
        this.properties = properties;
        this.passwords = passwords;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            var gateway = properties.gatewayClient();
            if (gateway.secret() == null
                    || gateway.secret().isBlank()
                    || gateway.redirectUris().isEmpty()) {
                log.warn("No gateway client: whistle.identity.gateway-client.secret and .redirect-uris are not set");
            } else {
                upsert(
                        GATEWAY,
                        builder -> builder.clientSecret(passwords.encode(gateway.secret()))
                                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                                .redirectUris(uris -> uris.addAll(gateway.redirectUris()))
                                .postLogoutRedirectUris(uris -> uris.addAll(gateway.postLogoutRedirectUris()))
                                .clientSettings(firstParty(gateway.requireProofKey())));
            }
            var console = properties.consoleClient();
            if (console.redirectUris().isEmpty()) {
                log.info("No console client: whistle.identity.console-client.redirect-uris is not set");
            } else {
                upsert(
                        CONSOLE,
                        builder -> builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                                .redirectUris(uris -> uris.addAll(console.redirectUris()))
                                .postLogoutRedirectUris(uris -> uris.addAll(console.postLogoutRedirectUris()))
                                .clientSettings(firstParty(true)));
            }
        });
    }

    private void upsert(String clientId, java.util.function.Consumer<RegisteredClient.Builder> settings) {
        var existing = clients.repository().findByClientId(clientId);
        var builder = RegisteredClient.withId(
                        existing == null ? UUID.randomUUID().toString() : existing.getId())
                .clientId(clientId)
                .clientName(clientId)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .scopes(scopes -> scopes.addAll(List.of(OidcScopes.OPENID, OidcScopes.PROFILE)))
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(Duration.ofMinutes(15))
                        .refreshTokenTimeToLive(Duration.ofHours(12))
                        .reuseRefreshTokens(false)
                        .build());
        settings.accept(builder);
        clients.repository().save(builder.build());
        log.info("Registered the first-party client {}", clientId);
    }

    private static ClientSettings firstParty(boolean requireProofKey) {
        return ClientSettings.builder()
                .requireAuthorizationConsent(false)
                .requireProofKey(requireProofKey)
                .build();
    }
}
