package org.whistle.evaluation.rankings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.whistle.evaluation.figures.Figures;
import org.whistle.evaluation.figures.Scope;
import org.whistle.evaluation.figures.domain.Rates;
import org.whistle.evaluation.organisation.Organisation;
import org.whistle.evaluation.rankings.domain.Ranking;
import org.whistle.evaluation.rules.domain.RuleSet;
import org.whistle.evaluation.vocabulary.domain.Counts;
import org.whistle.evaluation.vocabulary.domain.Period;
import org.whistle.evaluation.vocabulary.domain.Rate;

/**
 * Ranks every object of a level within an area over a period, with the previous period's rank (movement), the
 * previous period's and the same period a year before's values (环比, 同比).
 */
@Service
public class Rankings {

    /** Rates where less is better. */
    public static final List<Rate> LOWER_IS_BETTER = List.of(Rate.OVERDUE_PENDING, Rate.REWORK, Rate.EXTENSION);

    private final Figures figures;
    private final JdbcClient jdbc;

    Rankings(Figures figures, JdbcClient jdbc) {
        this.figures = figures;
        this.jdbc = jdbc;
    }

    /** One ranked object. */
    public record Row(
            Organisation.Unit object,
            @Nullable Integer rank,
            @Nullable Double value,
            @Nullable Integer previousRank,
            String movement,
            @Nullable Double previousValue,
            @Nullable Double yearBeforeValue,
            Counts counts,
            Rates rates) {}

    /** A ranking: by what, over which period, the rows in rank order (unranked last). */
    public record Table(
            String level,
            Organisation.Unit within,
            Period period,
            @Nullable Rate by,
            RuleSet rules,
            List<Row> rows) {}

    public Table rank(String level, Organisation.Unit within, Period period, @Nullable Rate by) {
        var scope = scope(level, within.id());
        var rules = figures.rulesOf(period);
        var now = values(scope, period, by);
        var before = values(scope, period.previous(), by);
        var yearBefore = values(scope, period.yearBefore(), by);
        boolean higher = by == null || !LOWER_IS_BETTER.contains(by);
        var ranks = Ranking.rank(entries(now), higher);
        var previousRanks = Ranking.rank(entries(before), higher);
        var rows = new ArrayList<Row>();
        for (var unit : members(level, within.id())) {
            var v = now.values.get(unit.id());
            var counts = now.counts.getOrDefault(unit.id(), Counts.NONE);
            var rank = ranks.get(unit.id());
            var previousRank = previousRanks.get(unit.id());
            rows.add(new Row(
                    unit,
                    rank,
                    v,
                    previousRank,
                    Ranking.movement(rank, previousRank),
                    before.values.get(unit.id()),
                    yearBefore.values.get(unit.id()),
                    counts,
                    Rates.of(counts, rules)));
        }
        rows.sort(Comparator.comparing((Row r) -> r.rank() == null ? Integer.MAX_VALUE : r.rank())
                .thenComparing(r -> r.object().name()));
        return new Table(level, within, period, by, rules, rows);
    }

    private record Values(Map<String, Counts> counts, Map<String, @Nullable Double> values) {}

    private Values values(Scope scope, Period period, @Nullable Rate by) {
        var counts = figures.grouped(scope, period);
        var rules = figures.rulesOf(period);
        var values = new java.util.HashMap<String, @Nullable Double>();
        counts.forEach((key, c) -> {
            var rates = Rates.of(c, rules);
            values.put(key, by == null ? rates.composite() : rates.of(by));
        });
        return new Values(counts, values);
    }

    private static List<Ranking.Entry> entries(Values values) {
        return values.values.entrySet().stream()
                .map(e -> new Ranking.Entry(e.getKey(), e.getValue()))
                .toList();
    }

    /**
     * The levels a ranking can be of: the areas ({@link Scope#AREA_KINDS}) and the kinds of unit the organisation
     * has (org-registry's unit kinds, as the org topics carry them).
     */
    public static final List<String> LEVELS = java.util.stream.Stream.concat(
                    Scope.AREA_KINDS.stream(),
                    java.util.stream.Stream.of(
                            "COMMAND_CENTRE",
                            "DEPARTMENT",
                            "SECTION",
                            "STREET_OFFICE",
                            "COMMUNITY_COMMITTEE",
                            "PROPERTY_COMPANY",
                            "OWNERS_COMMITTEE",
                            "UTILITY",
                            "FIRE_BRIGADE"))
            .toList();

    public static Scope scope(String level, String within) {
        if (Scope.AREA_KINDS.contains(level)) {
            return Scope.areasOfKind(level, within);
        }
        return Scope.unitsOfKind(level, within);
    }

    /** Every active unit of the level within the area, ranked or not. */
    private List<Organisation.Unit> members(String level, String within) {
        return jdbc.sql("""
                        SELECT unit_id FROM org_unit WHERE kind = :kind AND active
                          AND (unit_id = :within OR :within = ANY(ancestry))
                        ORDER BY unit_id LIMIT 5000
                        """).param("kind", level).param("within", within).query(String.class).list().stream()
                .map(id -> figures.object(id))
                .toList();
    }
}
