package org.whistle.dispatch.queries;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import org.whistle.problems.InvalidInputException;
import org.whistle.texts.Phrase;

/**
 * Where a page of a centre's queue ended: the last item's raised time and number, the queue's order. Handed out
 * opaque (base64url) so that clients pass it back rather than build it.
 */
record QueueCursor(Instant raisedAt, String number) {

    private static final int MAX_LENGTH = 120;
    private static final Pattern FORM = Pattern.compile("(-?\\d{1,19})\\.(\\d{1,9})\\|([A-Z0-9-]{1,40})");

    static String of(Instant raisedAt, String number) {
        var text = raisedAt.getEpochSecond() + "." + raisedAt.getNano() + "|" + number;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static QueueCursor parse(String cursor) {
        if (cursor.length() > MAX_LENGTH) {
            throw InvalidInputException.of("after", Phrase.of("dispatch.refusal.cursor"));
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("after", Phrase.of("dispatch.refusal.cursor"));
        }
        var match = FORM.matcher(text);
        if (!match.matches()) {
            throw InvalidInputException.of("after", Phrase.of("dispatch.refusal.cursor"));
        }
        try {
            var at = Instant.ofEpochSecond(Long.parseLong(match.group(1)), Long.parseLong(match.group(2)));
            return new QueueCursor(at, match.group(3));
        } catch (RuntimeException e) {
            throw InvalidInputException.of("after", Phrase.of("dispatch.refusal.cursor"));
        }
    }
}
