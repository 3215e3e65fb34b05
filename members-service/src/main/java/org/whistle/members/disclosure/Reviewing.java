package org.whistle.members.disclosure;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.members.access.MembersAccess;
import org.whistle.members.disclosure.domain.ReviewGrade;
import org.whistle.members.disclosure.domain.ReviewPolicy;
import org.whistle.members.place.Places;
import org.whistle.members.points.GrantingPoints;
import org.whistle.members.points.Standings;
import org.whistle.members.reporting.Memberships;
import org.whistle.members.reporting.ReportingIn;
import org.whistle.members.reporting.WorkplaceOrgs;
import org.whistle.members.reporting.domain.MemberKind;
import org.whistle.members.reporting.domain.Membership;
import org.whistle.members.reporting.domain.MembershipState;
import org.whistle.problems.ConflictException;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;
import org.whistle.security.personaldata.PersonalData;

/**
 * 评议: the compound branch grades each in-service member at year end; the grades, with the member's year in figures,
 * go to the member's workplace organisation as its appraisal input — never an address, the phone masked.
 */
@Service
public class Reviewing {

    public static final String XLSX = ReviewWorkbook.CONTENT_TYPE;

    /** One member's line of the 评议 table: the year's figures and the latest grade (absent until graded). */
    public record Row(
            UUID memberId,
            String name,
            String phone,
            String compoundName,
            @Nullable String gridName,
            int score,
            int tasksDone,
            BigDecimal hours,
            @Nullable String grade,
            @Nullable String gradeLabel,
            @Nullable String comment,
            @Nullable String reviewer,
            @Nullable Instant reviewedAt) {}

    /** A workplace organisation's 评议 of a year, as its export shows it. */
    public record WorkplaceReviews(String workplaceId, String workplaceName, int year, List<Row> rows) {}

    private record Latest(ReviewGrade grade, String comment, String reviewer, Instant at) {}

    private final JdbcClient jdbc;
    private final Memberships memberships;
    private final ReportingIn reporting;
    private final WorkplaceOrgs workplaces;
    private final Standings standings;
    private final Places places;
    private final MembersAccess access;
    private final Clock clock;

    Reviewing(
            JdbcClient jdbc,
            Memberships memberships,
            ReportingIn reporting,
            WorkplaceOrgs workplaces,
            Standings standings,
            Places places,
            MembersAccess access,
            Clock clock) {
        this.jdbc = jdbc;
        this.memberships = memberships;
        this.reporting = reporting;
        this.workplaces = workplaces;
        this.standings = standings;
        this.places = places;
        this.access = access;
        this.clock = clock;
    }

    /** The member's branch grades (or regrades) the year; the earlier grade stays in the table behind it. */
    @Transactional
    public Row review(Caller caller, UUID memberId, int year, ReviewGrade grade, String comment) {
        var member =
                memberships.byId(memberId).orElseThrow(() -> new NotFoundException("membership", memberId.toString()));
        access.requireManager(caller, member.compoundId());
        ReviewPolicy.refusal(
                        member.profile().name(),
                        member.isConfirmed(),
                        member.profile().kind() == MemberKind.IN_SERVICE,
                        year,
                        GrantingPoints.yearOf(clock.instant()))
                .ifPresent(reason -> {
                    throw new ConflictException(reason);
                });
        jdbc.sql("""
                        INSERT INTO year_end_review (id, member_id, year, grade, comment, reviewed_by, reviewer,
                            reviewed_at)
                        VALUES (:id, :member, :year, :grade, :comment, :by, :reviewer, :at)""")
                .param("id", UUID.randomUUID())
                .param("member", memberId)
                .param("year", year)
                .param("grade", grade.name())
                .param("comment", comment)
                .param("by", caller.subject())
                .param("reviewer", caller.name() == null ? "小区党支部" : caller.name())
                .param("at", Timestamp.from(clock.instant()))
                .update();
        return rows(List.of(member), year).getFirst();
    }

    /** The compound's in-service members the branch grades, with their figures and grades so far. */
    @Transactional(readOnly = true)
    public List<Row> ofCompound(Caller caller, String compoundId, int year) {
        access.requireManager(caller, compoundId);
        return rows(
                memberships.inCompound(compoundId, MembershipState.CONFIRMED, 500).stream()
                        .filter(m -> m.profile().kind() == MemberKind.IN_SERVICE)
                        .toList(),
                year);
    }

    /** A workplace organisation's members as graded by their branches: for its contact or the branch it reports to. */
    @Transactional(readOnly = true)
    public WorkplaceReviews ofWorkplace(Caller caller, String workplaceId, int year) {
        var members = reporting.workplaceMembers(caller, workplaceId).stream()
                .filter(m -> m.isConfirmed() && m.profile().kind() == MemberKind.IN_SERVICE)
                .toList();
        var org = workplaces.byId(workplaceId).orElseThrow(() -> new NotFoundException("workplace", workplaceId));
        return new WorkplaceReviews(org.id(), org.name(), year, rows(members, year));
    }

    /** The table as an XLSX workbook. */
    public byte[] workbook(WorkplaceReviews reviews) {
        return ReviewWorkbook.of(reviews);
    }

    private List<Row> rows(List<Membership> members, int year) {
        var rankings = new HashMap<String, Map<UUID, Standings.Ranked>>();
        return members.stream()
                .map(m -> {
                    var ranked = Optional.ofNullable(rankings.computeIfAbsent(m.compoundId(), c -> byMember(c, year))
                            .get(m.id().value()));
                    var standing = standings.of(m.id().value(), m.compoundId(), year);
                    var latest = latest(m.id().value(), year);
                    return new Row(
                            m.id().value(),
                            m.profile().name(),
                            PersonalData.phone(m.profile().phone()),
                            places.name(m.compoundId()),
                            m.gridId() == null ? null : places.name(m.gridId()),
                            standing.score(),
                            ranked.map(Standings.Ranked::tasksDone).orElse(0),
                            ranked.map(Standings.Ranked::hours).orElse(BigDecimal.ZERO.setScale(1)),
                            latest.map(l -> l.grade().name()).orElse(null),
                            latest.map(l -> l.grade().label()).orElse(null),
                            latest.map(Latest::comment).orElse(null),
                            latest.map(Latest::reviewer).orElse(null),
                            latest.map(Latest::at).orElse(null));
                })
                .toList();
    }

    private Map<UUID, Standings.Ranked> byMember(String compoundId, int year) {
        var map = new HashMap<UUID, Standings.Ranked>();
        standings.ranking(compoundId, year, Standings.Group.PARTY).forEach(r -> map.put(r.memberId(), r));
        return map;
    }

    private Optional<Latest> latest(UUID memberId, int year) {
        return jdbc.sql("""
                        SELECT grade, comment, reviewer, reviewed_at FROM year_end_review
                        WHERE member_id = :member AND year = :year ORDER BY reviewed_at DESC, id DESC LIMIT 1""")
                .param("member", memberId)
                .param("year", year)
                .query((rs, n) -> new Latest(
                        ReviewGrade.valueOf(rs.getString("grade")),
                        rs.getString("comment"),
                        rs.getString("reviewer"),
                        rs.getTimestamp("reviewed_at").toInstant()))
                .optional();
    }
}
