package org.whistle.dispatch.ticket;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.whistle.security.personaldata.PersonalData;

/**
 * What the centre's queue search finds a ticket by: the whistle's address and description as raised, phone numbers
 * masked, lower-cased, runs of white space made one space, cut at {@link #MAX_LENGTH} characters; indexed as its
 * distinct two-character pieces (bigrams). Chinese has no spaces between words and most searched words are two
 * characters (井盖, 噪音), which word stems and trigrams cannot find; every substring of two or more characters has all
 * its bigrams in the text, so the index narrows a search to the tickets holding them and a substring check decides.
 * A text of n characters has at most n − 1 bigrams, so the index grows with the text, bounded by the cut.
 *
 * @param text the normalised text
 */
public record SearchText(String text) {

    /** The longest text kept (a description is at most 2,000 characters; the start says what it is about). */
    public static final int MAX_LENGTH = 500;

    /** The shortest search: one character would match most of the history. */
    public static final int MIN_QUERY = 2;

    /** The longest search. */
    public static final int MAX_QUERY = 50;

    /** The search text of a whistle's address and description; null when it gave neither. */
    public static @Nullable SearchText of(@Nullable String address, @Nullable String description) {
        var joined = String.join(" ", address == null ? "" : address, description == null ? "" : description)
                .strip();
        if (joined.isEmpty()) {
            return null;
        }
        var text = normalise(PersonalData.phonesIn(joined));
        return new SearchText(
                text.codePointCount(0, text.length()) <= MAX_LENGTH
                        ? text
                        : text.substring(0, text.offsetByCodePoints(0, MAX_LENGTH)));
    }

    /** How a search and a text are compared: lower case, white space runs as one space, no space at either end. */
    public static String normalise(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The distinct bigrams of a normalised text, in the order they first occur. */
    public static List<String> bigrams(String normalised) {
        var points = normalised.codePoints().toArray();
        var grams = new LinkedHashSet<String>();
        for (int i = 0; i + 1 < points.length; i++) {
            grams.add(new String(points, i, 2));
        }
        return List.copyOf(grams);
    }

    public List<String> bigrams() {
        return bigrams(text);
    }
}
