package org.whistle.members.points;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.members.place.Places;
import org.whistle.members.points.domain.LedgerEntry;
import org.whistle.members.points.domain.RuleSet;
import org.whistle.members.points.domain.Standing;

/** Balances and rankings, derived from the ledger each time they are asked for; nothing here is stored. */
@Service
public class Standings {

    /** Whose ranking: party members (in-service and community) and volunteers are shown apart. */
    public enum Group {
        PARTY,
        VOLUNTEER
    }

    /** A member's place in a ranking. */
    public record Ranked(
            int rank, UUID memberId, String name, String kind, int score, int tasksDone, java.math.BigDecimal hours) {}

    private final Ledger ledger;
    private final RuleSets rules;
    private final Places places;
    private final JdbcClient jdbc;

    Standings(Ledger ledger, RuleSets rules, Places places, JdbcClient jdbc) {
        this.ledger = ledger;
        this.rules = rules;
        this.places = places;
        this.jdbc = jdbc;
    }

    /** A member's standing in a year, from their entries (every year's for spending when the city never resets). */
    @Transactional(readOnly = true)
    public Standing of(UUID memberId, String compoundId, int year) {
        var ruleSet = rules.forCity(places.cityOf(compoundId));
        var ofYear = ledger.of(memberId, year);
        var standing = Standing.of(ruleSet, ofYear);
        if (ruleSet.annualReset()) {
            return standing;
        }
        var allYears = Standing.of(ruleSet, ledger.of(memberId, null));
        return new Standing(standing.score(), allYears.spendable(), standing.earned(), standing.deductions());
    }

    public List<LedgerEntry> entries(UUID memberId, @Nullable Integer year) {
        return ledger.of(memberId, year);
    }

    public RuleSet rulesFor(String compoundId) {
        return rules.forCity(places.cityOf(compoundId));
    }

    /** The confirmed members of a compound by score in a year, ties sharing a rank. */
    @Transactional(readOnly = true)
    public List<Ranked> ranking(String compoundId, int year, Group group) {
        var ruleSet = rulesFor(compoundId);
        var rows = jdbc.sql("""
                        SELECT m.id, m.name, m.kind,
                            COALESCE((SELECT SUM(l.amount) FROM ledger_entry l WHERE l.member_id = m.id
                                AND l.year = :year AND l.rule_code <> 'REDEEM'), 0) AS conduct,
                            (SELECT count(*) FROM task_claim c JOIN task t ON t.id = c.task_id WHERE c.member_id = m.id
                                AND c.state = 'APPROVED'
                                AND EXTRACT(YEAR FROM c.approved_at AT TIME ZONE 'Asia/Shanghai') = :year) AS tasks,
                            COALESCE((SELECT SUM(c.hours) FROM task_claim c WHERE c.member_id = m.id
                                AND c.state = 'APPROVED'
                                AND EXTRACT(YEAR FROM c.approved_at AT TIME ZONE 'Asia/Shanghai') = :year), 0) AS hours
                        FROM membership m
                        WHERE m.compound_id = :compound AND m.state = 'CONFIRMED'
                            AND (m.kind = 'VOLUNTEER') = :volunteers
                        """)
                .param("year", year)
                .param("compound", compoundId)
                .param("volunteers", group == Group.VOLUNTEER)
                .query((rs, n) -> new Ranked(
                        0,
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("kind"),
                        Math.max(ruleSet.floorPoints(), ruleSet.basePoints() + rs.getInt("conduct")),
                        rs.getInt("tasks"),
                        rs.getBigDecimal("hours").setScale(1)))
                .list();
        var sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> b.score() != a.score()
                ? Integer.compare(b.score(), a.score())
                : a.name().compareTo(b.name()));
        var ranked = new ArrayList<Ranked>();
        for (int i = 0; i < sorted.size(); i++) {
            var r = sorted.get(i);
            int rank = i > 0 && sorted.get(i - 1).score() == r.score()
                    ? ranked.get(i - 1).rank()
                    : i + 1;
            ranked.add(new Ranked(rank, r.memberId(), r.name(), r.kind(), r.score(), r.tasksDone(), r.hours()));
        }
        return ranked;
    }
}
