package org.whistle.dispatch.ticket.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.events.EvidenceRef;
import org.whistle.problems.BoundedText;
import org.whistle.problems.InvalidInputException;
import org.whistle.texts.Phrase;

/**
 * The bounds of everything a person types into a ticket (notes, reasons, comments) and of the evidence references
 * that come with it: at most {@link #MAX_LENGTH} characters (Unicode code points), no bidirectional-override or
 * isolate characters (U+202A–U+202E, U+2066–U+2069: they make a note read differently from what it says), no control
 * characters other than line breaks and tabs (PostgreSQL cannot store NUL). A refusal names the field (422).
 *
 * <p>Why 2,000: the longest sentence a command centre or unit writes is a reason or a handling note; whistle
 * descriptions stop at the same length. A timeline entry then carries at most one such text, so with the ticket's
 * other fields an event stays far below the broker's 1 MiB record limit (2,000 code points × 4 UTF-8 bytes = 8 KB).
 */
public final class FreeText {

    /** Characters (code points) in any one free-text field. */
    public static final int MAX_LENGTH = 2_000;

    /** Evidence references in one report. */
    public static final int MAX_EVIDENCE = 20;

    /** Characters in a media id or a content type of an evidence reference. */
    public static final int MAX_EVIDENCE_FIELD = 200;

    private FreeText() {}

    /** A text that must be there: not blank, and within the bounds. */
    public static String required(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(field, Phrase.of("refusal.required"));
        }
        return bounded(field, value, MAX_LENGTH);
    }

    /** A text that may be absent; when present, within the bounds. */
    public static @Nullable String optional(String field, @Nullable String value) {
        return value == null ? null : bounded(field, value, MAX_LENGTH);
    }

    /** At most {@link #MAX_EVIDENCE} references, each with a bounded id and type and a SHA-256 in hex. */
    public static List<EvidenceRef> evidence(String field, List<EvidenceRef> evidence) {
        if (evidence.size() > MAX_EVIDENCE) {
            throw InvalidInputException.of(field, Phrase.of("refusal.atMostItems", "max", MAX_EVIDENCE));
        }
        for (int i = 0; i < evidence.size(); i++) {
            var ref = evidence.get(i);
            if (ref == null) {
                throw InvalidInputException.of(field + "[" + i + "]", Phrase.of("refusal.required"));
            }
            required(field + "[" + i + "].mediaId", ref.mediaId());
            bounded(field + "[" + i + "].mediaId", ref.mediaId(), MAX_EVIDENCE_FIELD);
            required(field + "[" + i + "].contentType", ref.contentType());
            bounded(field + "[" + i + "].contentType", ref.contentType(), MAX_EVIDENCE_FIELD);
            if (ref.sha256() == null || !ref.sha256().matches("[0-9a-fA-F]{64}")) {
                throw InvalidInputException.of(field + "[" + i + "].sha256", Phrase.of("refusal.sha256"));
            }
        }
        return List.copyOf(evidence);
    }

    /**
     * Fits a text the platform composes from someone else's words (a reporter's comment arriving in an event) into the
     * bounds instead of refusing it: bidirectional controls and control characters other than line breaks and tabs
     * become U+FFFD, and a text too long is cut, marked {@code …}; the full words stay where they were written.
     */
    public static String clipped(String value) {
        var clean = new StringBuilder(value.length());
        value.codePoints()
                .forEach(c -> clean.appendCodePoint(
                        BoundedText.isBidiControl(c) || BoundedText.isRefusedControl(c, true) ? 0xFFFD : c));
        var text = clean.toString();
        if (text.codePointCount(0, text.length()) <= MAX_LENGTH) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_LENGTH - 1)) + "…";
    }

    private static String bounded(String field, String value, int max) {
        BoundedText.requireText(field, value, max);
        return value;
    }
}
