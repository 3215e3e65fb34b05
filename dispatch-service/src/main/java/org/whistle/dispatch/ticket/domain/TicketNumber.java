package org.whistle.dispatch.ticket.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;
import org.whistle.problems.InvalidInputException;

/**
 * The human-readable ticket number, {@code QQHR-20261127-000123}: city prefix, the raising day in Asia/Shanghai,
 * and a six-digit sequence within that city and day.
 *
 * <p>This type only formats, parses and validates. Handing out each sequence number once, also under concurrent
 * raising, is the persistence layer's job (a per-city-and-day counter row or sequence updated in the same transaction
 * that stores the ticket).
 */
public record TicketNumber(String city, LocalDate day, int sequence) {

    /** Days are counted in China Standard Time whatever the server's zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static final int MAX_SEQUENCE = 999_999;

    private static final Pattern CITY = Pattern.compile("[A-Z]{2,8}");
    private static final Pattern FORMAT = Pattern.compile("([A-Z]{2,8})-(\\d{8})-(\\d{6})");
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    public TicketNumber {
        if (city == null || !CITY.matcher(city).matches()) {
            throw InvalidInputException.of("ticketNumber.city", "must be 2–8 upper-case letters");
        }
        if (day == null) {
            throw InvalidInputException.of("ticketNumber.day", "is required");
        }
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw InvalidInputException.of("ticketNumber.sequence", "must be between 1 and 999999");
        }
    }

    /** The number for the {@code sequence}-th ticket of {@code city} on the Shanghai day that contains {@code at}. */
    public static TicketNumber issue(String city, Instant at, int sequence) {
        return new TicketNumber(city, at.atZone(ZONE).toLocalDate(), sequence);
    }

    public static TicketNumber parse(String text) {
        var matcher = text == null ? null : FORMAT.matcher(text);
        if (matcher == null || !matcher.matches()) {
            throw InvalidInputException.of("ticketNumber", "must look like QQHR-20261127-000123");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(matcher.group(2), DAY);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("ticketNumber", "has no valid date: " + matcher.group(2));
        }
        return new TicketNumber(matcher.group(1), day, Integer.parseInt(matcher.group(3)));
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    public String format() {
        return "%s-%s-%06d".formatted(city, DAY.format(day), sequence);
    }

    @Override
    public String toString() {
        return format();
    }
}
