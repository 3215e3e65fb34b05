package org.whistle.evaluation.web;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.whistle.texts.Catalogue;

/**
 * How the evaluation's values are shown to people: every word and every time or duration format comes from the message
 * catalogue (ADR 0035: Chinese, Asia/Shanghai time); this class only says what stands for a missing value — nothing
 * for a missing time, a dash for a missing figure — and never lets a code through where the catalogue has no word.
 */
public final class Shown {

    private static final Catalogue TEXTS = Catalogue.chinese();
    private static final String NO_FIGURE = "—";

    private Shown() {}

    /** The catalogue the evaluation's pages and exports are written with. */
    public static Catalogue texts() {
        return TEXTS;
    }

    /** A time with its year, as figures are read long after: "2026年3月5日 14:05"; empty for none. */
    public static String time(@Nullable Instant instant) {
        return instant == null ? "" : TEXTS.dateTime(instant);
    }

    /** An organisation node's kind (the level a figure or ranking is read at). */
    public static String kind(String kind) {
        return TEXTS.named("node", kind).orElseGet(() -> TEXTS.text("node.unknown"));
    }

    /** A ticket's state; a case not yet filed is waiting to be. */
    public static String state(@Nullable String state) {
        return TEXTS.named("ticketState", state == null ? "RAISED" : state)
                .orElseGet(() -> TEXTS.text("ticketState.unknown"));
    }

    public static String outcome(@Nullable String outcome) {
        return outcome == null ? "" : TEXTS.named("outcome", outcome).orElse("");
    }

    public static String rating(@Nullable String rating) {
        return rating == null ? "" : TEXTS.named("rating", rating).orElse("");
    }

    /** Where a case's due time came from. */
    public static String dueSource(String source) {
        return TEXTS.named("evaluation.due", source).orElse("");
    }

    public static String percent(@Nullable Double rate) {
        return rate == null ? NO_FIGURE : String.format("%.2f%%", rate * 100);
    }

    public static String score(@Nullable Double score) {
        return score == null ? NO_FIGURE : String.format("%.2f", score);
    }

    /** A duration in seconds, in words ("51 小时 5 分钟"); empty for none. */
    public static String duration(@Nullable Double seconds) {
        return seconds == null ? "" : TEXTS.span(Duration.ofSeconds(Math.round(seconds)));
    }

    /** Who did it, for a person: the reporter, the system, or the account. */
    public static String who(String author) {
        if ("reporter".equals(author)) {
            return TEXTS.text("evaluation.author.reporter");
        }
        if (author.startsWith("system:")) {
            return TEXTS.text("evaluation.author.system");
        }
        return author;
    }
}
