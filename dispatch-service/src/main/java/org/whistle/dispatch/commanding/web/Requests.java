package org.whistle.dispatch.commanding.web;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.EvidenceRef;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleClosed.Outcome;
import org.whistle.orgreference.domain.routing.UnitCode;
import org.whistle.problems.InvalidInputException;
import org.whistle.texts.Phrase;

/** The bodies of the ticket actions; each converts itself and leaves the rules to the ticket. */
final class Requests {

    private Requests() {}

    record Reason(@Nullable String reason) {}

    record Merge(@Nullable UUID into) {
        UUID target() {
            if (into == null) {
                throw InvalidInputException.of("into", Phrase.of("refusal.required"));
            }
            return into;
        }
    }

    record Priority(@Nullable Urgency priority) {}

    record Category(@Nullable String category) {}

    record Summon(@Nullable String lead, @Nullable List<String> coUnits) {
        @Nullable
        UnitCode leadUnit() {
            return lead == null ? null : UnitCode.of(lead);
        }

        List<UnitCode> units() {
            if (coUnits != null
                    && coUnits.size() + (lead == null ? 0 : 1)
                            > org.whistle.dispatch.ticket.domain.Ticket.MAX_SUMMONED_AT_ONCE) {
                // Refused before each code is looked up, so a runaway list costs nothing.
                throw InvalidInputException.of(
                        "coUnits",
                        Phrase.of(
                                "dispatch.refusal.summonAtMost",
                                "max",
                                org.whistle.dispatch.ticket.domain.Ticket.MAX_SUMMONED_AT_ONCE));
            }
            var units = new ArrayList<UnitCode>();
            if (lead != null) {
                units.add(UnitCode.of(lead));
            }
            if (coUnits != null) {
                coUnits.forEach(unit -> units.add(UnitCode.of(unit)));
            }
            return units;
        }
    }

    record Transfer(
            @Nullable String centre,
            @Nullable CommandLevel level,
            @Nullable String reason) {
        @Nullable
        UnitCode centreUnit() {
            return centre == null ? null : UnitCode.of(centre);
        }
    }

    record Verify(
            @Nullable Boolean pass,
            @Nullable String note,
            @Nullable List<EvidenceRef> evidence) {
        List<EvidenceRef> refs() {
            return evidence == null ? List.of() : evidence;
        }
    }

    /** 督办 or 催办: why, and the new deadline (ISO-8601 with an offset, e.g. 2026-12-08T18:00:00+08:00). */
    record Supervise(@Nullable String reason, @Nullable String dueBy) {
        java.time.@Nullable Instant deadline() {
            if (dueBy == null) {
                return null;
            }
            if (dueBy.length() > 64) {
                throw InvalidInputException.of(
                        "dueBy", Phrase.of("dispatch.refusal.dueByFormat", "example", "2026-12-08T18:00:00+08:00"));
            }
            try {
                return java.time.OffsetDateTime.parse(dueBy).toInstant();
            } catch (DateTimeParseException e) {
                throw InvalidInputException.of(
                        "dueBy", Phrase.of("dispatch.refusal.dueByFormat", "example", "2026-12-08T18:00:00+08:00"));
            }
        }
    }

    record HandDown(@Nullable CommandLevel level, @Nullable String reason) {}

    record ReplaceLead(@Nullable String lead, @Nullable String reason) {
        @Nullable
        UnitCode leadUnit() {
            return lead == null ? null : UnitCode.of(lead);
        }
    }

    record Close(@Nullable Outcome outcome) {}

    record Note(@Nullable String note) {}

    record Evidenced(@Nullable String note, @Nullable List<EvidenceRef> evidence) {
        List<EvidenceRef> refs() {
            return evidence == null ? List.of() : evidence;
        }
    }

    record ExtensionAsked(
            @Nullable ClockKind clock,
            @Nullable String extraTime,
            @Nullable String reason) {
        @Nullable
        Duration duration() {
            if (extraTime == null) {
                return null;
            }
            try {
                return Duration.parse(extraTime);
            } catch (DateTimeParseException e) {
                throw InvalidInputException.of(
                        "extraTime", Phrase.of("dispatch.refusal.extraTimeFormat", "example", "PT48H"));
            }
        }
    }
}
