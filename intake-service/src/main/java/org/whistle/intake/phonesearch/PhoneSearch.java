package org.whistle.intake.phonesearch;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.whistle.intake.limits.RateLimits;
import org.whistle.intake.raising.PhoneCipher;
import org.whistle.intake.raising.domain.PhoneNumber;
import org.whistle.intake.raising.domain.PublicStatus;
import org.whistle.problems.InvalidInputException;
import org.whistle.security.AccessRefusedException;
import org.whistle.security.Caller;
import org.whistle.security.Role;
import org.whistle.security.personaldata.AccessDecisions;
import org.whistle.security.personaldata.Disclosure;
import org.whistle.texts.Phrase;

/**
 * The whistles raised with one phone number in the dispatcher's area, newest first, at most {@link #MAX}. The number
 * must be whole (a partial one would let a caller enumerate people); it is found through {@code phone_lookup}, the
 * keyed hash written with the raise, so the search reads an index, never decrypts a row. Each search is recorded as
 * an access to personal data, found or not, and limited per caller ({@link RateLimits#takePhoneSearch}).
 */
@Service
public class PhoneSearch {

    /** Command centres' dispatchers: they take the calls that ask after a whistle. */
    public static final Set<Role> SEARCHERS =
            EnumSet.of(Role.STREET_DISPATCHER, Role.DISTRICT_DISPATCHER, Role.CITY_DISPATCHER);

    public static final int MAX = 50;

    /** A number as people type it, with spaces, dashes and +86: anything longer is no phone number. */
    public static final int MAX_INPUT = 32;

    private final JdbcClient jdbc;
    private final PhoneCipher phones;
    private final RateLimits limits;
    private final AccessDecisions decisions;

    PhoneSearch(JdbcClient jdbc, PhoneCipher phones, RateLimits limits, AccessDecisions decisions) {
        this.jdbc = jdbc;
        this.phones = phones;
        this.limits = limits;
        this.decisions = decisions;
    }

    /** One whistle found: what the queue shows, the number masked; never the tracking code. */
    public record Found(
            String id,
            @Nullable UUID ticketId,
            @Nullable String ticketNumber,
            String category,
            String status,
            String statusLabel,
            String urgency,
            @Nullable String place,
            @Nullable String maskedPhone,
            Instant raisedAt) {}

    /** The whistles found, and whether there were more than {@link #MAX}. */
    public record Answer(List<Found> whistles, boolean more) {}

    public Answer find(Caller caller, @Nullable String typed) {
        if (!caller.hasAny(SEARCHERS)) {
            decisions.about("whistle", null, "search-by-phone").by(caller).denied("not-a-dispatcher");
            throw new AccessRefusedException(Phrase.of("intake.refusal.phoneSearch.dispatchersOnly"));
        }
        var phone = typed == null || typed.length() > MAX_INPUT
                ? java.util.Optional.<PhoneNumber>empty()
                : PhoneNumber.parse(typed);
        if (phone.isEmpty()) {
            throw InvalidInputException.of("phone", Phrase.of("intake.refusal.phone"));
        }
        limits.takePhoneSearch(caller.subject());
        var rows = jdbc.sql("""
                        SELECT whistle_id, ticket_id, ticket_number, category_code, status, urgency, street_name, grid_name,
                               address, masked_phone, raised_at
                        FROM whistle
                        WHERE phone_lookup = :lookup AND ancestry && CAST(:scope AS text[])
                        ORDER BY raised_at DESC, whistle_id DESC
                        LIMIT :limit""")
                .param("lookup", phones.lookup(phone.get()))
                .param("scope", caller.orgScope().toArray(String[]::new))
                .param("limit", MAX + 1)
                .query((rs, n) -> {
                    var status = PublicStatus.valueOf(rs.getString("status"));
                    return new Found(
                            rs.getObject("whistle_id", UUID.class).toString(),
                            rs.getObject("ticket_id", UUID.class),
                            rs.getString("ticket_number"),
                            rs.getString("category_code"),
                            status.name(),
                            status.label(),
                            rs.getString("urgency"),
                            place(rs.getString("street_name"), rs.getString("grid_name"), rs.getString("address")),
                            rs.getString("masked_phone"),
                            rs.getObject("raised_at", OffsetDateTime.class).toInstant());
                })
                .list();
        var shown = rows.size() > MAX ? rows.subList(0, MAX) : rows;
        decisions
                .about("whistle", null, "search-by-phone")
                .by(caller)
                .disclosed("reporter.phone", shown.isEmpty() ? Disclosure.NONE : Disclosure.MASKED)
                .items(shown.size())
                .allowed("dispatcher-in-scope");
        return new Answer(List.copyOf(shown), rows.size() > MAX);
    }

    private static @Nullable String place(@Nullable String street, @Nullable String grid, @Nullable String address) {
        var parts = new ArrayList<String>();
        for (var part : new String[] {street, grid, address}) {
            if (part != null && !part.isBlank()) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? null : String.join(" · ", parts);
    }
}
