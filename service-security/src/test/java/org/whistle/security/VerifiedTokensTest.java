package org.whistle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class VerifiedTokensTest {

    private static final RSAKey KEY = newKey();

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T08:00:00Z"));

    /** Counts signature checks: the decoder behind the cache, checking signatures only. */
    private final AtomicInteger signatureChecks = new AtomicInteger();

    private final JwtDecoder signatures = signaturesOnly(signatureChecks);

    @Test
    void checksAGenuineTokensSignatureOnceAndWhatItSaysOnEveryRequest() {
        var validations = new AtomicInteger();
        var tokens = new VerifiedTokens(
                signatures,
                jwt -> {
                    validations.incrementAndGet();
                    return AccessTokens.validator(null, AccessTokens.AUDIENCE, clock)
                            .validate(jwt);
                },
                clock,
                100,
                VerifiedTokens.DEFAULT_AT_MOST);
        var token = accessToken("dispatcher", Duration.ofMinutes(10));

        for (int i = 0; i < 5; i++) {
            assertThat(tokens.decode(token).getSubject()).isEqualTo("dispatcher");
        }

        assertThat(signatureChecks).hasValue(1);
        assertThat(validations).hasValue(5);
    }

    @Test
    void refusesATamperedTokenEvenAfterTheGenuineOneWasHeld() {
        var tokens = tokens(100);
        var genuine = accessToken("unit-staff", Duration.ofMinutes(10));
        tokens.decode(genuine);

        // The same signature over claims that now say someone else: a forgery.
        var parts = genuine.split("\\.");
        var forgedClaims = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("unit-staff", "admin")
                        .getBytes(StandardCharsets.UTF_8));
        var tampered = parts[0] + "." + forgedClaims + "." + parts[2];

        assertThatThrownBy(() -> tokens.decode(tampered)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(tampered)).isInstanceOf(JwtException.class);
        assertThat(tokens.decode(genuine).getSubject()).isEqualTo("unit-staff");
    }

    @Test
    void refusesAnExpiredTokenThoughItWasHeld() {
        var tokens = tokens(100);
        var token = accessToken("dispatcher", Duration.ofMinutes(2));
        tokens.decode(token);

        // Past its expiry and Spring's minute of clock skew.
        clock.move(Duration.ofMinutes(3).plusSeconds(1));

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void refusesAnIdTokenEveryTimeAndNeverHoldsIt() {
        var tokens = tokens(100);
        var idToken = sign(null, "dispatcher", List.of("whistle-gateway"), Duration.ofMinutes(10));

        assertThatThrownBy(() -> tokens.decode(idToken)).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> tokens.decode(idToken)).isInstanceOf(JwtValidationException.class);
        assertThat(tokens.held()).isZero();
    }

    @Test
    void holdsATokenNoLongerThanItsLifeNorThanTheKeySetIsCached() {
        var tokens = tokens(100);
        var shortLived = accessToken("short", Duration.ofSeconds(30));
        var longLived = accessToken("long", Duration.ofHours(1));
        tokens.decode(shortLived);
        tokens.decode(longLived);
        assertThat(signatureChecks).hasValue(2);

        clock.move(Duration.ofSeconds(31));
        tokens.decode(shortLived);
        tokens.decode(longLived);
        assertThat(signatureChecks)
                .as("the short-lived token was verified afresh")
                .hasValue(3);

        clock.move(VerifiedTokens.DEFAULT_AT_MOST);
        tokens.decode(longLived);
        assertThat(signatureChecks)
                .as("a withdrawn key would have left the key set by now")
                .hasValue(4);
    }

    @Test
    void holdsNoMoreTokensThanItsBound() {
        var tokens = tokens(3);

        for (int i = 0; i < 50; i++) {
            tokens.decode(accessToken("caller-" + i, Duration.ofMinutes(10)));
        }

        assertThat(tokens.held()).isLessThanOrEqualTo(3);
    }

    /** A measurement for the log, not an assertion: the time a request spends on its token, with and without. */
    @Test
    void measuresWhatItSaves() {
        var token = accessToken("dispatcher", Duration.ofMinutes(10));
        var uncached = signaturesOnly(new AtomicInteger());
        var validator = AccessTokens.validator(null, AccessTokens.AUDIENCE, clock);
        var cached = tokens(100);
        int rounds = 2_000;
        for (int i = 0; i < 200; i++) {
            validator.validate(uncached.decode(token));
            cached.decode(token);
        }

        long started = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            validator.validate(uncached.decode(token));
        }
        long everyTime = System.nanoTime() - started;
        started = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            cached.decode(token);
        }
        long once = System.nanoTime() - started;

        LoggerFactory.getLogger(VerifiedTokensTest.class)
                .info(
                        "[token cache] per request: {} µs verifying every time, {} µs with the signature checked once",
                        everyTime / rounds / 1_000.0,
                        once / rounds / 1_000.0);
        assertThat(signatureChecks).hasValue(1);
    }

    private VerifiedTokens tokens(int maximum) {
        return new VerifiedTokens(
                signatures,
                AccessTokens.validator(null, AccessTokens.AUDIENCE, clock),
                clock,
                maximum,
                VerifiedTokens.DEFAULT_AT_MOST);
    }

    private String accessToken(String subject, Duration life) {
        return sign("at+jwt", subject, List.of(AccessTokens.AUDIENCE), life);
    }

    private String sign(String type, String subject, List<String> audience, Duration life) {
        try {
            var header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID());
            if (type != null) {
                header.type(new JOSEObjectType(type));
            }
            var now = clock.instant();
            var claims = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .audience(audience)
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(life)))
                    .build();
            var jwt = new SignedJWT(header.build(), claims);
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtDecoder signaturesOnly(AtomicInteger checks) {
        try {
            var decoder = NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
            decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
            return token -> {
                checks.incrementAndGet();
                return decoder.decode(token);
            };
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("test").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public long millis() {
            return now.toEpochMilli();
        }
    }
}
