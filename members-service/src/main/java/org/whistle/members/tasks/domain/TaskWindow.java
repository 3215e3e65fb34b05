package org.whistle.members.tasks.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.whistle.problems.InvalidInputException;
import org.whistle.texts.Phrase;

/** When a task happens: check-in is accepted only inside it. */
public record TaskWindow(Instant startsAt, Instant endsAt) {

    /** Times people read are in Asia/Shanghai. */
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(SHANGHAI);

    public TaskWindow {
        if (!endsAt.isAfter(startsAt)) {
            throw InvalidInputException.of("endsAt", Phrase.of("members.refusal.endAfterStart"));
        }
        if (Duration.between(startsAt, endsAt).compareTo(Duration.ofDays(31)) > 0) {
            throw InvalidInputException.of("endsAt", Phrase.of("members.refusal.taskTooLong"));
        }
    }

    public boolean contains(Instant at) {
        return !at.isBefore(startsAt) && !at.isAfter(endsAt);
    }

    public Duration length() {
        return Duration.between(startsAt, endsAt);
    }

    /** {@code 12月8日 09:00 至 12月8日 11:00}. */
    public String shown() {
        return SHOWN.format(startsAt) + " 至 " + SHOWN.format(endsAt);
    }
}
