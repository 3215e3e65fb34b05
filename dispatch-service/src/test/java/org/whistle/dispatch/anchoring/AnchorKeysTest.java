package org.whistle.dispatch.anchoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.whistle.dispatch.ticket.DispatchProperties;
import org.whistle.events.TicketId;
import org.whistle.events.TimelineCheckpoint;
import org.whistle.events.WhistleId;

class AnchorKeysTest {

    @Test
    void signsWithTheConfiguredKeySoThatItsPublishedPublicKeyVerifiesTheCheckpoint() throws Exception {
        var pair = pair();
        var keys = new AnchorKeys(properties(encoded(pair, true), encoded(pair, false), List.of()));
        var unsigned = checkpoint(keys.keyId(), "-");

        var signed = checkpoint(keys.keyId(), keys.sign(unsigned.signedText()));

        assertThat(keys.publicKey()).isEqualTo(encoded(pair, false));
        assertThat(signed.verifiesWith(pair.getPublic())).isTrue();
        assertThat(signed.verifiesWith(pair().getPublic())).as("another key").isFalse();
    }

    @Test
    void refusesAPublicKeyThatIsNotTheSigningKeysWithoutShowingEitherKey() throws Exception {
        var signing = encoded(pair(), true);
        var other = encoded(pair(), false);

        assertThatThrownBy(() -> new AnchorKeys(properties(signing, other, List.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("anchor")
                .satisfies(
                        e -> assertThat(e.getMessage()).doesNotContain(signing).doesNotContain(other));
        assertThatThrownBy(() -> new AnchorKeys(properties(signing, null, List.of())))
                .hasMessageContaining("anchors");
    }

    @Test
    void trustsEarlierKeysAfterARotation() throws Exception {
        var earlier = pair();
        var keys = new AnchorKeys(properties(null, null, List.of(encoded(earlier, false))));

        assertThat(keys.trustedKeys()).hasSize(2);
        assertThat(keys.trustedKey(TimelineCheckpoint.keyIdOf(earlier.getPublic())))
                .isPresent();
    }

    private static TimelineCheckpoint checkpoint(String keyId, String signature) {
        var heads = List.of(new TimelineCheckpoint.Head(
                TicketId.of("019ac3b2-7a00-7b13-8d2e-4f6a8b0c1d22"),
                WhistleId.of("019ac3b2-6f1e-7a42-9c1d-3e5f7a9b0c11"),
                3,
                "ab".repeat(32)));
        return new TimelineCheckpoint(
                "dispatch-service",
                1,
                "0".repeat(64),
                Instant.parse("2026-12-07T02:00:00Z"),
                heads,
                TimelineCheckpoint.merkleRootOf(heads),
                keyId,
                signature);
    }

    private static KeyPair pair() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private static String encoded(KeyPair pair, boolean secret) {
        return Base64.getEncoder()
                .encodeToString(
                        secret
                                ? pair.getPrivate().getEncoded()
                                : pair.getPublic().getEncoded());
    }

    private static DispatchProperties properties(
            @Nullable String signingKey, @Nullable String publicKey, List<String> trusted) {
        return new DispatchProperties(
                "QQHR",
                "230200",
                Duration.ofDays(30),
                new DispatchProperties.Extensions(2, Duration.ofDays(7)),
                new DispatchProperties.Anchors(
                        Duration.ofSeconds(60),
                        1000,
                        10,
                        signingKey,
                        publicKey,
                        trusted,
                        Duration.ofMinutes(5),
                        2_000_000));
    }
}
