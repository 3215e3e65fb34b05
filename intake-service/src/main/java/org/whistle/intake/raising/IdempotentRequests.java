package org.whistle.intake.raising;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.problems.InvalidInputException;
import org.whistle.texts.Phrase;

/**
 * {@code Idempotency-Key}: the first response to a key is stored with a hash of the request, in the transaction that
 * raised the whistle. A retry with the same request gets that response again; a different request under the same key
 * is refused. Two requests racing with one key: the second waits on the first's row (PostgreSQL's unique index) and
 * then replays its response, so a key never raises two whistles. A request that failed stored nothing and may be
 * retried with the same key.
 */
@Component
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 255;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    IdempotentRequests(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** A JSON response as it is sent and stored. */
    public record Response(int status, @Nullable URI location, String body) {

        public ResponseEntity<String> toEntity(boolean replayed) {
            var builder = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
            if (location != null) {
                builder.header(HttpHeaders.LOCATION, location.toString());
            }
            if (replayed) {
                builder.header(REPLAYED_HEADER, "true");
            }
            return builder.body(body);
        }
    }

    /**
     * Produces the response once per key; without a key, simply produces it.
     *
     * @param requestHash identifies the request: its fields, its files' hashes and who sent it
     */
    public ResponseEntity<String> once(@Nullable String key, String requestHash, Supplier<Response> produce) {
        if (key == null) {
            return Objects.requireNonNull(transactions.execute(status -> produce.get()))
                    .toEntity(false);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw InvalidInputException.of(HEADER, Phrase.of("intake.refusal.idempotencyKey", "max", MAX_KEY_LENGTH));
        }
        return Objects.requireNonNull(transactions.execute(status -> {
            int claimed = jdbc.sql("""
                            INSERT INTO idempotent_request (idempotency_key, request_hash, status, body, created_at)
                            VALUES (:key, :hash, 0, '', :at) ON CONFLICT DO NOTHING""")
                    .param("key", key)
                    .param("hash", requestHash)
                    .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .update();
            if (claimed == 0) {
                return replay(key, requestHash);
            }
            var response = produce.get();
            jdbc.sql("""
                            UPDATE idempotent_request SET status = :status, location = :location, body = :body
                            WHERE idempotency_key = :key""")
                    .param("status", response.status())
                    .param(
                            "location",
                            response.location() == null
                                    ? null
                                    : response.location().toString())
                    .param("body", response.body())
                    .param("key", key)
                    .update();
            return response.toEntity(false);
        }));
    }

    private ResponseEntity<String> replay(String key, String requestHash) {
        var stored = jdbc.sql("""
                        SELECT request_hash, status, location, body FROM idempotent_request
                        WHERE idempotency_key = :key""")
                .param("key", key)
                .query((rs, n) -> new Object[] {
                    rs.getString("request_hash"), rs.getInt("status"), rs.getString("location"), rs.getString("body")
                })
                .single();
        if (!requestHash.equals(stored[0])) {
            throw InvalidInputException.of(HEADER, Phrase.of("intake.refusal.idempotencyKeyReused"));
        }
        var location = (String) stored[2];
        return new Response((Integer) stored[1], location == null ? null : URI.create(location), (String) stored[3])
                .toEntity(true);
    }
}
