package org.whistle.evaluation.ratings.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.whistle.evaluation.cases.domain.CaseFold;
import org.whistle.evaluation.organisation.Organisation;
import org.whistle.evaluation.ratings.RatingStore;
import org.whistle.evaluation.ratings.domain.Assessment;
import org.whistle.evaluation.ratings.domain.Part;
import org.whistle.evaluation.ratings.domain.UnitRating;

/**
 * A rating as a person reads it: names instead of ids, labels in Chinese, times in Asia/Shanghai. {@code suggested}
 * is what the case's facts say about reporting in on time and coming on site, for the centre to confirm or correct.
 */
public record RatingView(
        UUID id,
        UUID whistleId,
        @Nullable String ticketNumber,
        String unitId,
        String unitName,
        String centreId,
        String centreName,
        String partEnded,
        String partEndedLabel,
        OffsetDateTime partEndedAt,
        OffsetDateTime summonedAt,
        @Nullable OffsetDateTime reportedInAt,
        @Nullable OffsetDateTime onSiteAt,
        Suggested suggested,
        String status,
        String statusLabel,
        @Nullable Boolean reportedInOnTime,
        @Nullable Boolean cameOnSite,
        @Nullable Boolean stayedUntilDone,
        @Nullable String quality,
        @Nullable String qualityLabel,
        @Nullable Integer score,
        @Nullable Integer standingScore,
        @Nullable String comment,
        @Nullable String ratedBy,
        @Nullable OffsetDateTime ratedAt,
        @Nullable String appealReason,
        @Nullable String appealedBy,
        @Nullable OffsetDateTime appealedAt,
        @Nullable String decision,
        @Nullable String decisionLabel,
        @Nullable String decisionReason,
        @Nullable String decidedBy,
        @Nullable OffsetDateTime decidedAt,
        List<HistoryEntry> history) {

    /** What the facts suggest for the rating's first two questions. */
    public record Suggested(boolean reportedInOnTime, boolean cameOnSite) {}

    /** One step in the rating's record. */
    public record HistoryEntry(String action, String by, OffsetDateTime at) {}

    static RatingView of(UnitRating r, Organisation org, List<RatingStore.AuditEntry> history) {
        var p = r.part();
        var a = r.assessment();
        return new RatingView(
                r.id().value(),
                p.whistleId(),
                p.ticketNumber(),
                p.unitId(),
                org.name(p.unitId()),
                p.centreId(),
                org.name(p.centreId()),
                p.ended().name(),
                Part.endedName(p.ended()),
                local(p.endedAt()),
                local(p.summonedAt()),
                localOrNull(p.reportedInAt()),
                localOrNull(p.onSiteAt()),
                new Suggested(p.reportedInAt() != null && !p.reportedInLate(), p.onSiteAt() != null),
                r.status().name(),
                r.status().label(),
                a == null ? null : a.reportedInOnTime(),
                a == null ? null : a.cameOnSite(),
                a == null ? null : a.stayedUntilDone(),
                a == null ? null : a.quality().name(),
                a == null ? null : Assessment.qualityName(a.quality()),
                a == null ? null : a.score(),
                r.standingScore(),
                a == null ? null : a.comment(),
                r.rated() == null
                        ? null
                        : by(r.rated().name(), r.rated().actor().userId()),
                r.rated() == null ? null : local(r.rated().at()),
                r.appealReason(),
                r.appealed() == null
                        ? null
                        : by(r.appealed().name(), r.appealed().actor().userId()),
                r.appealed() == null ? null : local(r.appealed().at()),
                r.decision() == null ? null : r.decision().name(),
                r.decision() == null
                        ? null
                        : switch (r.decision()) {
                            case UPHELD -> "维持原评价";
                            case AMENDED -> "改为 " + r.standingScore() + " 分";
                        },
                r.decisionReason(),
                r.decided() == null
                        ? null
                        : by(r.decided().name(), r.decided().actor().userId()),
                r.decided() == null ? null : local(r.decided().at()),
                history.stream()
                        .map(h -> new HistoryEntry(
                                action(h.action()), by(h.name(), h.actor().userId()), local(h.at())))
                        .toList());
    }

    private static String action(String action) {
        return switch (action) {
            case "RATED" -> "评价";
            case "APPEALED" -> "申诉";
            case "DECIDED" -> "裁定";
            default -> "修改";
        };
    }

    private static String by(@Nullable String name, String userId) {
        return name != null ? name : userId;
    }

    static OffsetDateTime local(Instant instant) {
        return instant.atZone(CaseFold.ZONE).toOffsetDateTime();
    }

    private static @Nullable OffsetDateTime localOrNull(@Nullable Instant instant) {
        return instant == null ? null : local(instant);
    }
}
