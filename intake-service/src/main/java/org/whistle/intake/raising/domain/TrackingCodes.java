package org.whistle.intake.raising.domain;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Human tracking codes: a city prefix, the local date and ten random characters of Crockford's base32 (50 bits),
 * e.g. {@code QQ20260115-7K3M9QX2PA}. Read out over the phone without ambiguity (no I, L, O, U), and unguessable
 * enough that, with the reporter's phone, it is the key to an anonymous reporter's whistle.
 */
public final class TrackingCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int RANDOM_LENGTH = 10;
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2,4}\\d{8}-[0-9A-HJKMNP-TV-Z]{10}");

    private final String prefix;
    private final SecureRandom random;

    public TrackingCodes(String prefix, SecureRandom random) {
        if (!prefix.matches("[A-Z]{2,4}")) {
            throw new IllegalArgumentException("a tracking-code prefix is two to four capital letters: " + prefix);
        }
        this.prefix = prefix;
        this.random = random;
    }

    public String next(LocalDate today) {
        var code = new StringBuilder(prefix).append(DATE.format(today)).append('-');
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** Normalises what a person typed (lower case, spaces, O for 0, I/L for 1); empty when it cannot be a code. */
    public static java.util.Optional<String> normalise(String typed) {
        var upper = typed.strip().toUpperCase(java.util.Locale.ROOT).replace(" ", "");
        int dash = upper.indexOf('-');
        if (dash < 0) {
            return java.util.Optional.empty();
        }
        var tail = upper.substring(dash + 1).replace('O', '0').replace('I', '1').replace('L', '1');
        var code = upper.substring(0, dash + 1) + tail;
        return SHAPE.matcher(code).matches() ? java.util.Optional.of(code) : java.util.Optional.empty();
    }
}
