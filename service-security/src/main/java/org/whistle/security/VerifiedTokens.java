package org.whistle.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Checks a bearer token's signature once, not on every request (issue 22, ADR 0029): a token that passed is
 * remembered, under the SHA-256 of its text, for at most the shorter of its remaining life and
 * {@link #DEFAULT_AT_MOST}; what a token says — that it is an access token, its audience, issuer, expiry and
 * not-before ({@link AccessTokens#validator}) — is checked on every request, from the cache or not.
 *
 * <ul>
 *   <li>Any change to a token's text is another key: a tampered token is verified afresh and refused, however often
 *       the genuine one was seen.
 *   <li>An entry never outlives its token ({@code exp}); a token without {@code exp} is never remembered.
 *   <li>A key org-registry withdraws from its JWK set goes on verifying tokens for as long as the JWK set is cached
 *       (Nimbus' default as Spring builds it: 5 minutes). An entry lives no longer than that, so a token signed with a
 *       withdrawn key is refused no later than it would be without this cache.
 *   <li>At most {@code maximum} tokens are held (least recently used go first); one held costs a few kilobytes.
 * </ul>
 */
public final class VerifiedTokens implements JwtDecoder {

    /** Tokens held at most: more than the people and systems one instance serves within five minutes. */
    public static final int DEFAULT_MAXIMUM = 4_096;

    /** The life of Nimbus' JWK-set cache as Spring's {@code NimbusJwtDecoder} builds it (JWKSourceBuilder's default). */
    public static final Duration DEFAULT_AT_MOST = Duration.ofMinutes(5);

    private final JwtDecoder signatures;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Clock clock;
    private final Duration atMost;
    private final Cache<String, Jwt> verified;

    /**
     * @param signatures parses a token and checks its signature, nothing more (its own validator accepts any claims)
     * @param validator what every request's token must say
     */
    VerifiedTokens(
            JwtDecoder signatures, OAuth2TokenValidator<Jwt> validator, Clock clock, int maximum, Duration atMost) {
        this.signatures = signatures;
        this.validator = validator;
        this.clock = clock;
        this.atMost = atMost;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximum)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(new Expiry<String, Jwt>() {
                    @Override
                    public long expireAfterCreate(String key, Jwt token, long now) {
                        return keepFor(token).toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, Jwt token, long now, long left) {
                        return keepFor(token).toNanos();
                    }

                    @Override
                    public long expireAfterRead(String key, Jwt token, long now, long left) {
                        return left;
                    }
                })
                // Evictions are done by the caller's thread: no pool of Caffeine's own in every service.
                .executor(Runnable::run)
                .build();
    }

    /**
     * {@code decoder} checks signatures only from now on (its validator is replaced); {@code validator} is applied to
     * every token on every request.
     */
    public static VerifiedTokens checking(NimbusJwtDecoder decoder, OAuth2TokenValidator<Jwt> validator) {
        decoder.setJwtValidator(token -> OAuth2TokenValidatorResult.success());
        return new VerifiedTokens(decoder, validator, Clock.systemUTC(), DEFAULT_MAXIMUM, DEFAULT_AT_MOST);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        var key = digest(token);
        var known = verified.getIfPresent(key);
        var jwt = known != null ? known : signatures.decode(token);
        var result = validator.validate(jwt);
        if (result.hasErrors()) {
            var first = result.getErrors().iterator().next();
            throw new JwtValidationException(
                    "An error occurred while attempting to decode the Jwt: " + first.getDescription(),
                    result.getErrors());
        }
        if (known == null && !keepFor(jwt).isZero()) {
            verified.put(key, jwt);
        }
        return jwt;
    }

    /** Tokens held now (for tests and measurements). */
    long held() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private Duration keepFor(Jwt token) {
        var expires = token.getExpiresAt();
        if (expires == null) {
            return Duration.ZERO;
        }
        var left = Duration.between(clock.instant(), expires);
        if (left.isNegative()) {
            return Duration.ZERO;
        }
        return left.compareTo(atMost) < 0 ? left : atMost;
    }

    /** The key a token is held under: its hash, so the cache holds no usable credential as a key. */
    private static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
