package org.whistle.intake.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.intake.IntakeProperties;
import org.whistle.intake.raising.TextBounds;
import org.whistle.problems.ConflictException;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;
import org.whistle.texts.Phrase;

/**
 * The API keys Open311 clients send as {@code api_key}: required to post, and they open descriptions on reads
 * (ADR 0027). Administrators issue a key per client system, naming it; the key is shown once and only its SHA-256
 * is stored (a key is 256 random bits, so a plain hash is as good as a slow one). Keys in
 * {@code whistle.intake.open311.api-keys} (the local stack's demo key) are held as hashes too. Neither the key nor
 * its hash is ever logged.
 */
@Service
public class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    static final String PREFIX = "o311_";
    static final int CLIENT_MAX_LENGTH = 100;
    static final int KEY_MAX_LENGTH = 200;
    /** Last use is written at most this often per key: reads must not become a write each. */
    static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final List<byte[]> configured;

    ApiKeys(JdbcClient jdbc, Clock clock, IntakeProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.configured = properties.open311().apiKeys().stream()
                .filter(key -> !key.isBlank())
                .map(key -> hash(key.strip()))
                .toList();
    }

    /** A key just issued: the only time the key itself is shown. */
    public record Issued(UUID id, String client, String key, String prefix, Instant createdAt) {

        @Override
        public String toString() {
            return "Issued[" + id + ", " + client + "]";
        }
    }

    /** A key as the list shows it: never the key. */
    public record Listed(
            UUID id,
            String client,
            String prefix,
            Instant createdAt,
            String createdBy,
            @Nullable Instant revokedAt,
            @Nullable String revokedBy,
            @Nullable Instant lastUsedAt) {}

    @Transactional
    public Issued issue(@Nullable String client, Caller by) {
        var name = client == null ? null : client.strip();
        if (name == null || name.isEmpty()) {
            throw InvalidInputException.of("client", Phrase.of("intake.refusal.apiKey.client"));
        }
        var violations = TextBounds.line("client", name, CLIENT_MAX_LENGTH);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        var random = new byte[32];
        RANDOM.nextBytes(random);
        var key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        var id = UUID.randomUUID();
        var now = clock.instant();
        var prefix = key.substring(0, PREFIX.length() + 4);
        jdbc.sql("""
                        INSERT INTO open311_api_key (key_id, client_name, key_hash, key_prefix, created_at, created_by)
                        VALUES (:id, :client, :hash, :prefix, :at, :by)""")
                .param("id", id)
                .param("client", name)
                .param("hash", hash(key))
                .param("prefix", prefix)
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("by", by.subject())
                .update();
        log.info("Open311 API key {} issued for \"{}\" by {}", id, name, by.subject());
        return new Issued(id, name, key, prefix, now);
    }

    public List<Listed> list() {
        return jdbc.sql("""
                        SELECT key_id, client_name, key_prefix, created_at, created_by, revoked_at, revoked_by,
                               last_used_at
                        FROM open311_api_key ORDER BY created_at DESC, key_id""")
                .query((rs, n) -> new Listed(
                        rs.getObject("key_id", UUID.class),
                        rs.getString("client_name"),
                        rs.getString("key_prefix"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getString("created_by"),
                        instant(rs.getObject("revoked_at", OffsetDateTime.class)),
                        rs.getString("revoked_by"),
                        instant(rs.getObject("last_used_at", OffsetDateTime.class))))
                .list();
    }

    @Transactional
    public Listed revoke(UUID id, Caller by) {
        var revoked = jdbc.sql("""
                        UPDATE open311_api_key SET revoked_at = :at, revoked_by = :by
                        WHERE key_id = :id AND revoked_at IS NULL""")
                .param("id", id)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("by", by.subject())
                .update();
        var listed = list().stream()
                .filter(key -> key.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("open311-api-key", id.toString()));
        if (revoked == 0) {
            throw new ConflictException(Phrase.of("intake.refusal.apiKey.revoked"));
        }
        log.info("Open311 API key {} for \"{}\" revoked by {}", id, listed.client(), by.subject());
        return listed;
    }

    /** Whether the key is one the city issued and has not revoked; a key issued here records its use. */
    public boolean known(@Nullable String key) {
        if (key == null || key.isBlank() || key.length() > KEY_MAX_LENGTH) {
            return false;
        }
        var hash = hash(key.strip());
        if (configured.stream().anyMatch(known -> MessageDigest.isEqual(known, hash))) {
            return true;
        }
        var now = clock.instant();
        // One statement finds the key and records its use (at most once a minute per key).
        var used = jdbc.sql("""
                        UPDATE open311_api_key SET last_used_at = CASE
                                WHEN last_used_at IS NULL OR last_used_at < :stale THEN :now ELSE last_used_at END
                        WHERE key_hash = :hash AND revoked_at IS NULL""")
                .param("hash", hash)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("stale", OffsetDateTime.ofInstant(now.minus(LAST_USED_GRANULARITY), ZoneOffset.UTC))
                .update();
        return used > 0;
    }

    /** Refuses a call without a known key (the spec's 403). */
    public void require(@Nullable String key) {
        if (key == null || key.isBlank()) {
            throw new Open311Exception(403, Phrase.of("intake.refusal.open311.apiKeyRequired"));
        }
        if (!known(key)) {
            throw new Open311Exception(403, Phrase.of("intake.refusal.open311.apiKeyInvalid"));
        }
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
