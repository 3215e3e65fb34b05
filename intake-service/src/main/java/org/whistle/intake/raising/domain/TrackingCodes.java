package org.whistle.intake.raising.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Human tracking codes: a city prefix, the local date of raising and ten characters of Crockford's base32 (50 bits),
 * e.g. {@code QQ20260115-7K3M9QX2PA}. Read out over the phone without ambiguity (no I, L, O, U). The ten characters
 * are the first 50 bits of HMAC-SHA-256 under a key only intake holds, over the whistle's id: unguessable without the
 * key, yet intake can say a whistle's code again (in the raise answer replayed to a retry, to notification-service
 * for the reporter's own messages) while it stores only {@link #hash} of it (ADR 0018).
 */
public final class TrackingCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int CODE_LENGTH = 10;
    private static final int KEY_BYTES = 32;
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2,4}\\d{8}-[0-9A-HJKMNP-TV-Z]{10}");
    private static final String DOMAIN = "whistle-intake-tracking-code-v1:";

    private final String prefix;
    private final SecretKeySpec key;

    public TrackingCodes(String prefix, byte[] key) {
        if (!prefix.matches("[A-Z]{2,4}")) {
            throw new IllegalArgumentException("a tracking-code prefix is two to four capital letters: " + prefix);
        }
        if (key.length < KEY_BYTES) {
            throw new IllegalArgumentException(
                    "a tracking-code key holds at least 32 bytes (256 bits); this one holds " + key.length);
        }
        this.prefix = prefix;
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The code of the whistle with this id, raised on this local date: the same every time it is asked. */
    public String codeFor(UUID whistleId, LocalDate raisedOn) {
        byte[] mac;
        try {
            var hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            mac = hmac.doFinal((DOMAIN + whistleId).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
        var code = new StringBuilder(prefix).append(DATE.format(raisedOn)).append('-');
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (mac[i] & 0xFF);
        }
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET[(int) ((bits >>> (64 - 5 * (i + 1))) & 0x1F)]);
        }
        return code.toString();
    }

    /**
     * What the database keeps of a code: SHA-256 of its normalised form. Fifty unknown bits behind a known prefix and
     * date make a search of the hashes slow but not impossible for someone holding a copy of the database; with the
     * hash alone they still need the reporter's phone, which is enciphered under another key.
     */
    public static byte[] hash(String normalisedCode) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(normalisedCode.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Normalises what a person typed (lower case, spaces, O for 0, I/L for 1); empty when it cannot be a code. */
    public static Optional<String> normalise(String typed) {
        if (typed.length() > 64) {
            return Optional.empty();
        }
        var upper = typed.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        int dash = upper.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        var tail = upper.substring(dash + 1).replace('O', '0').replace('I', '1').replace('L', '1');
        var code = upper.substring(0, dash + 1) + tail;
        return SHAPE.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }
}
