package org.whistle.evaluation.appraisal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.whistle.evaluation.appraisal.domain.AnswerCounts;
import org.whistle.evaluation.appraisal.domain.AppraisalWeights;
import org.whistle.evaluation.appraisal.domain.AppraisalWeights.Kind;
import org.whistle.evaluation.appraisal.domain.CaseFigures;
import org.whistle.evaluation.appraisal.domain.HandlingCounts;
import org.whistle.evaluation.appraisal.domain.Period;
import org.whistle.evaluation.appraisal.domain.Ranking;

/**
 * 双考核 appraisals of a period: each department by its case figures and the ratings of every centre that summoned
 * it; each street by its own figures and how its whistles were answered; both ranked with movement against the
 * period before.
 */
@Service
public class Appraisals {

    private final CaseFigures figures;
    private final WeightsStore weights;
    private final JdbcClient jdbc;
    private final Clock clock;

    Appraisals(CaseFigures figures, WeightsStore weights, JdbcClient jdbc, Clock clock) {
        this.figures = figures;
        this.weights = weights;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The ratings a unit received in the period from one centre: how many, and their mean standing score. */
    public record CentreRatings(String centreId, long count, double average) {}

    /** One department's appraisal. */
    public record DepartmentAppraisal(
            String unitId,
            HandlingCounts cases,
            @Nullable Double composite,
            AnswerCounts answers,
            long ratings,
            @Nullable Double ratingAverage,
            List<CentreRatings> byCentre,
            @Nullable Double score) {}

    /** One street's appraisal. */
    public record StreetAppraisal(
            String streetId,
            HandlingCounts cases,
            @Nullable Double composite,
            AnswerCounts answers,
            @Nullable Double answeredScore,
            @Nullable Double score) {}

    /** A ranked table with the weights it used. */
    public record Ranked<T>(Period period, AppraisalWeights weights, List<Ranking.Place> places, Map<String, T> rows) {}

    public Ranked<DepartmentAppraisal> departments(String area, Period period) {
        var units = jdbc.sql("""
                        SELECT unit_id FROM org_unit
                        WHERE area_id IS NOT NULL AND kind <> 'COMMAND_CENTRE'
                            AND (area_id = :area OR unit_id = :area OR :area = ANY(ancestry)
                                OR area_id IN (SELECT unit_id FROM org_unit WHERE :area = ANY(ancestry)))
                        """).param("area", area).query(String.class).list();
        var w = weights.inForce(Kind.DEPARTMENT, period.from());
        var rows = departments(units, period, w);
        var previous = departments(
                units,
                period.previous(),
                weights.inForce(Kind.DEPARTMENT, period.previous().from()));
        rows.values().removeIf(r -> r.cases().due() == 0 && r.answers().summoned() == 0 && r.ratings() == 0);
        return new Ranked<>(
                period,
                w,
                Ranking.rank(scores(rows, DepartmentAppraisal::score), scores(previous, DepartmentAppraisal::score)),
                rows);
    }

    public DepartmentAppraisal department(String unit, Period period) {
        return departments(List.of(unit), period, weights.inForce(Kind.DEPARTMENT, period.from()))
                .get(unit);
    }

    public Ranked<StreetAppraisal> streets(String area, Period period) {
        var streets = jdbc.sql("""
                        SELECT unit_id FROM org_unit WHERE kind = 'STREET' AND (unit_id = :area OR :area = ANY(ancestry))
                        """).param("area", area).query(String.class).list();
        var w = weights.inForce(Kind.STREET, period.from());
        var rows = streets(streets, period, w);
        var previous = streets(
                streets,
                period.previous(),
                weights.inForce(Kind.STREET, period.previous().from()));
        return new Ranked<>(
                period,
                w,
                Ranking.rank(scores(rows, StreetAppraisal::score), scores(previous, StreetAppraisal::score)),
                rows);
    }

    private Map<String, DepartmentAppraisal> departments(List<String> units, Period period, AppraisalWeights w) {
        var now = clock.instant();
        var cases = figures.ofLeadUnits(units, period, now);
        var answers = figures.answersOfUnits(units, period);
        var ratings = new HashMap<String, List<CentreRatings>>();
        jdbc.sql("""
                        SELECT unit_id, centre_id, count(*) AS n, avg(coalesce(decided_score, score)) AS mean
                        FROM unit_rating
                        WHERE unit_id = ANY(:units) AND status IN ('RATED', 'APPEALED', 'DECIDED')
                            AND count_date BETWEEN :from AND :to
                        GROUP BY unit_id, centre_id ORDER BY unit_id, centre_id
                        """)
                .param("units", units.toArray(String[]::new))
                .param("from", period.from())
                .param("to", period.to())
                .query((rs, row) -> ratings.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new CentreRatings(rs.getString(2), rs.getLong(3), rs.getDouble(4))))
                .list();
        var rows = new LinkedHashMap<String, DepartmentAppraisal>();
        for (var unit : units) {
            var c = cases.getOrDefault(unit, HandlingCounts.NONE);
            var composite = w.composite(c);
            var byCentre = ratings.getOrDefault(unit, List.of());
            long count = byCentre.stream().mapToLong(CentreRatings::count).sum();
            Double average = count == 0
                    ? null
                    : byCentre.stream()
                                    .mapToDouble(r -> r.average() * r.count())
                                    .sum()
                            / count;
            rows.put(
                    unit,
                    new DepartmentAppraisal(
                            unit,
                            c,
                            composite,
                            answers.getOrDefault(unit, AnswerCounts.NONE),
                            count,
                            average,
                            byCentre,
                            w.combine(composite, average)));
        }
        return rows;
    }

    private Map<String, StreetAppraisal> streets(List<String> streets, Period period, AppraisalWeights w) {
        var cases = figures.ofAreas(streets, period, clock.instant());
        var answers = figures.answersInAreas(streets, period);
        var rows = new LinkedHashMap<String, StreetAppraisal>();
        for (var street : streets) {
            var c = cases.getOrDefault(street, HandlingCounts.NONE);
            var a = answers.getOrDefault(street, AnswerCounts.NONE);
            var composite = w.composite(c);
            // how its whistles were answered: the mean of 报到率 and the share of ended parts that were done
            Double answered = a.summoned() == 0
                    ? null
                    : a.ended() == 0 ? a.reportInRate() * 100 : (a.reportInRate() + a.doneRate()) / 2 * 100;
            rows.put(street, new StreetAppraisal(street, c, composite, a, answered, w.combine(composite, answered)));
        }
        return rows;
    }

    private static <T> Map<String, @Nullable Double> scores(
            Map<String, T> rows, java.util.function.Function<T, @Nullable Double> score) {
        var scores = new LinkedHashMap<String, @Nullable Double>();
        rows.forEach((id, row) -> scores.put(id, score.apply(row)));
        return scores;
    }
}
