package org.whistle.members.disclosure;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.members.access.MembersAccess;
import org.whistle.members.disclosure.domain.ExcellencePolicy;
import org.whistle.members.points.Standings;
import org.whistle.members.reporting.Memberships;
import org.whistle.members.reporting.domain.MemberKind;
import org.whistle.problems.ConflictException;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;
import org.whistle.texts.Phrase;

/** 优秀市民党员: the candidates the rule allows (derived from the ledger) and the branch's confirmation. */
@Service
public class SelectingExcellentMembers {

    /** A party member the rule allows, and whether the branch confirmed them. */
    public record Candidate(UUID memberId, String name, int score, int tasksDone, boolean confirmed) {}

    private final JdbcClient jdbc;
    private final Standings standings;
    private final Memberships memberships;
    private final MembersAccess access;
    private final Clock clock;

    SelectingExcellentMembers(
            JdbcClient jdbc, Standings standings, Memberships memberships, MembersAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.standings = standings;
        this.memberships = memberships;
        this.access = access;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Candidate> candidates(Caller caller, String compoundId, int year) {
        access.requireManager(caller, compoundId);
        var threshold = threshold(compoundId);
        return standings.ranking(compoundId, year, Standings.Group.PARTY).stream()
                .filter(r -> ExcellencePolicy.decide(
                                true,
                                r.score(),
                                standings.of(r.memberId(), compoundId, year).deductions(),
                                threshold)
                        instanceof ExcellencePolicy.Eligible)
                .map(r ->
                        new Candidate(r.memberId(), r.name(), r.score(), r.tasksDone(), confirmed(r.memberId(), year)))
                .toList();
    }

    @Transactional
    public Candidate confirm(Caller caller, UUID memberId, int year) {
        var member =
                memberships.byId(memberId).orElseThrow(() -> new NotFoundException("membership", memberId.toString()));
        access.requireManager(caller, member.compoundId());
        var standing = standings.of(memberId, member.compoundId(), year);
        var decision = ExcellencePolicy.decide(
                member.isConfirmed() && member.profile().kind() != MemberKind.VOLUNTEER,
                standing.score(),
                standing.deductions(),
                threshold(member.compoundId()));
        if (decision instanceof ExcellencePolicy.NotEligible refused) {
            throw new ConflictException(refused.reason());
        }
        int added = jdbc.sql("""
                        INSERT INTO excellent_member (member_id, year, score, confirmed_by, confirmed_at)
                        VALUES (:member, :year, :score, :by, :at) ON CONFLICT DO NOTHING""")
                .param("member", memberId)
                .param("year", year)
                .param("score", standing.score())
                .param("by", caller.subject())
                .param("at", Timestamp.from(clock.instant()))
                .update();
        if (added == 0) {
            throw new ConflictException(Phrase.of(
                    "members.refusal.alreadyExcellent",
                    "name",
                    member.profile().name(),
                    "year",
                    Integer.toString(year)));
        }
        return new Candidate(memberId, member.profile().name(), standing.score(), 0, true);
    }

    /** The city's own rule set, or the default, as for every other rule. */
    private int threshold(String compoundId) {
        return standings.rulesFor(compoundId).excellentThreshold();
    }

    private boolean confirmed(UUID memberId, int year) {
        return jdbc.sql("SELECT count(*) FROM excellent_member WHERE member_id = :m AND year = :y")
                        .param("m", memberId)
                        .param("y", year)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
