package org.whistle.orgregistry.identity;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.whistle.orgregistry.identity.domain.SignInThrottle;

/**
 * {@code whistle.identity.*}: the issuer, sign-in throttling, the first-party clients and the bootstrap administrator. The
 * signing key ({@code whistle.identity.signing-key}) is read by {@link SigningKeys}.
 */
@ConfigurationProperties("whistle.identity")
record IdentityProperties(
        @Nullable String issuer,
        @DefaultValue SignIn signIn,
        @DefaultValue GatewayClient gatewayClient,
        @DefaultValue ConsoleClient consoleClient,
        @DefaultValue BootstrapAdmin bootstrapAdmin) {

    /** How failed sign-ins slow down their address and the name tried ({@link SignInThrottle.Policy}). */
    record SignIn(
            @DefaultValue("10") int addressAllowance,
            @DefaultValue("5m") Duration addressMaxDelay,
            @DefaultValue("3") int accountAllowance,
            @DefaultValue("30s") Duration accountMaxDelay,
            @DefaultValue("15m") Duration forgetAfter,
            @DefaultValue("100000") int tracked) {

        SignInThrottle.Policy policy() {
            return new SignInThrottle.Policy(
                    addressAllowance, addressMaxDelay, accountAllowance, accountMaxDelay, forgetAfter, tracked);
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
