package org.whistle.orgregistry.identity;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.whistle.orgregistry.identity.domain.LockoutPolicy;

/**
 * {@code whistle.identity.*}: the issuer, the lockout, the first-party clients and the bootstrap administrator. The
 * signing key ({@code whistle.identity.signing-key}) is read by {@link SigningKeys}.
 */
@ConfigurationProperties("whistle.identity")
record IdentityProperties(
        @Nullable String issuer,
        @DefaultValue Lockout lockout,
        @DefaultValue GatewayClient gatewayClient,
        @DefaultValue ConsoleClient consoleClient,
        @DefaultValue BootstrapAdmin bootstrapAdmin) {

    /** Consecutive failed logins before a lockout, and how long it lasts. */
    record Lockout(
            @DefaultValue("5") int maxFailures,
            @DefaultValue("15m") Duration duration) {

        LockoutPolicy policy() {
            return new LockoutPolicy(maxFailures, duration);
        }
    }

    /** The gateway's confidential client; registered only when a secret is set. */
    record GatewayClient(
            @Nullable String secret,
            @DefaultValue List<String> redirectUris,
            @DefaultValue List<String> postLogoutRedirectUris,
            @DefaultValue("true") boolean requireProofKey) {}

    /** The public PKCE client for the SPA and mobile apps; registered only when it has redirect URIs. */
    record ConsoleClient(
            @DefaultValue List<String> redirectUris,
            @DefaultValue List<String> postLogoutRedirectUris) {}

    /** The first administrator's password, used only while no enabled administrator exists. */
    record BootstrapAdmin(@Nullable String password) {}
}
