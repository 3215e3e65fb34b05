package org.whistle.intake.following;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.whistle.intake.raising.domain.PublicStatus;
import org.whistle.problems.InvalidInputException;
import org.whistle.security.Caller;
import org.whistle.texts.Phrase;

/**
 * 我的吹哨: the whistles a signed-in reporter raised with their account, newest first, a page at a time. Pages are
 * keyed by the last one's (raised time, id), so a page costs the same however far back it is and a whistle raised
 * meanwhile neither shifts nor repeats one. Only what the reporter's own list shows — no phone, no code.
 */
@Service
public class OwnWhistles {

    public static final int DEFAULT_PAGE = 20;
    public static final int MAX_PAGE = 50;

    /** A cursor is base64url of "instant|uuid": well under this; anything longer is not one of ours. */
    private static final int MAX_CURSOR = 100;

    private final JdbcClient jdbc;

    OwnWhistles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One line of the list. */
    public record Line(
            String id,
            String category,
            String status,
            String statusLabel,
            String urgency,
            @Nullable String ticketNumber,
            @Nullable String place,
            Instant raisedAt,
            Instant updatedAt) {}

    /** A page, and the cursor of the next one (absent on the last). */
    public record Page(List<Line> whistles, @Nullable String next) {}

    public Page of(Caller caller, @Nullable String after, @Nullable Integer limit) {
        int size = limit == null ? DEFAULT_PAGE : limit;
        if (size < 1 || size > MAX_PAGE) {
            throw InvalidInputException.of("limit", Phrase.of("refusal.between", "min", 1, "max", MAX_PAGE));
        }
        var from = after == null || after.isEmpty() ? null : Cursor.parse(after);
        var lines = jdbc.sql("""
                        SELECT whistle_id, category_code, status, urgency, ticket_number, street_name, grid_name,
                               address, raised_at, updated_at
                        FROM whistle
                        WHERE reporter_user_id = :subject
                          AND (CAST(:afterAt AS timestamptz) IS NULL
                               OR (raised_at, whistle_id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))
                        ORDER BY raised_at DESC, whistle_id DESC
                        LIMIT :limit""")
                .param("subject", caller.subject())
                .param("afterAt", from == null ? null : OffsetDateTime.ofInstant(from.raisedAt(), ZoneOffset.UTC))
                .param("afterId", from == null ? null : from.id())
                .param("limit", size + 1)
                .query((rs, n) -> {
                    var status = PublicStatus.valueOf(rs.getString("status"));
                    return new Line(
                            rs.getObject("whistle_id", UUID.class).toString(),
                            rs.getString("category_code"),
                            status.name(),
                            status.label(),
                            rs.getString("urgency"),
                            rs.getString("ticket_number"),
                            place(rs.getString("street_name"), rs.getString("grid_name"), rs.getString("address")),
                            rs.getObject("raised_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("updated_at", OffsetDateTime.class).toInstant());
                })
                .list();
        if (lines.size() <= size) {
            return new Page(lines, null);
        }
        var shown = lines.subList(0, size);
        var last = shown.getLast();
        return new Page(List.copyOf(shown), new Cursor(last.raisedAt(), UUID.fromString(last.id())).format());
    }

    private static @Nullable String place(@Nullable String street, @Nullable String grid, @Nullable String address) {
        var parts = new java.util.ArrayList<String>();
        for (var part : new String[] {street, grid, address}) {
            if (part != null && !part.isBlank()) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? null : String.join(" · ", parts);
    }

    /** Where the next page starts: after this whistle. */
    record Cursor(Instant raisedAt, UUID id) {

        String format() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((raisedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String text) {
            if (text.length() > MAX_CURSOR) {
                throw notACursor();
            }
            try {
                var decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                int bar = decoded.indexOf('|');
                if (bar < 0) {
                    throw notACursor();
                }
                return new Cursor(
                        Instant.parse(decoded.substring(0, bar)), UUID.fromString(decoded.substring(bar + 1)));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw notACursor();
            }
        }

        private static InvalidInputException notACursor() {
            return InvalidInputException.of("after", Phrase.of("intake.refusal.cursor"));
        }
    }
}
