package org.whistle.evaluation.appraisal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.whistle.evaluation.appraisal.domain.AnswerCounts;
import org.whistle.evaluation.appraisal.domain.AppraisalWeights;
import org.whistle.evaluation.appraisal.domain.AppraisalWeights.Kind;
import org.whistle.evaluation.appraisal.domain.CaseFigures;
import org.whistle.evaluation.appraisal.domain.HandlingCounts;
import org.whistle.evaluation.appraisal.domain.Period;
import org.whistle.evaluation.appraisal.domain.Ranking;
import org.whistle.problems.ConflictException;
import org.whistle.problems.NotFoundException;
import org.whistle.texts.Phrase;

/**
 * 双考核 appraisals of a period: each department by its case figures and the ratings of every centre that summoned
 * it; each street by its own figures and how its whistles were answered; both ranked with movement against the
 * period before. A closed period's appraisals are frozen with it and move only through an adjustment (ADR 0038).
 */
@Service
public class Appraisals {

    private static final Logger AUDIT = LoggerFactory.getLogger("org.whistle.evaluation.audit");

    private final CaseFigures figures;
    private final WeightsStore weights;
    private final FrozenAppraisals frozen;
    private final JdbcClient jdbc;
    private final Clock clock;

    Appraisals(CaseFigures figures, WeightsStore weights, FrozenAppraisals frozen, JdbcClient jdbc, Clock clock) {
        this.figures = figures;
        this.weights = weights;
        this.frozen = frozen;
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

    /** A ranked table with the weights it used; for a closed period what it froze, with its adjustments. */
    public record Ranked<T>(
            Period period,
            AppraisalWeights weights,
            List<Ranking.Place> places,
            Map<String, T> rows,
            @Nullable Closed<T> closed) {}

    /** One object's appraisal; for a closed period what it froze. */
    public record One<T>(T row, @Nullable Closed<T> closed) {}

    /**
     * What a closed period froze: its code; the rows as they stood at closing where an adjustment has changed them
     * since (shown beside the adjusted ones); whether later events, ratings or weights would change the appraisal
     * (a change waiting for an adjustment, never applied silently); and every adjustment made.
     */
    public record Closed<T>(
            String periodCode, Map<String, T> originals, boolean pending, List<AppraisalAdjustment> adjustments) {}

    /** An adjustment of a closed period's appraisals, with who made it, why and when. */
    public record AppraisalAdjustment(
            Kind kind, String reason, String author, Instant at, LocalDate weightsFrom, int changedRows) {}

    public Ranked<DepartmentAppraisal> departments(String area, Period period) {
        var units = unitsIn(area);
        var sheet = sheet(Kind.DEPARTMENT, DepartmentAppraisal.class, units, period);
        var previous = sheet(Kind.DEPARTMENT, DepartmentAppraisal.class, units, period.previous());
        var rows = new LinkedHashMap<>(sheet.rows());
        rows.values().removeIf(r -> r.cases().due() == 0 && r.answers().summoned() == 0 && r.ratings() == 0);
        return new Ranked<>(
                period,
                sheet.weights(),
                Ranking.rank(
                        scores(rows, DepartmentAppraisal::score), scores(previous.rows(), DepartmentAppraisal::score)),
                rows,
                sheet.closed());
    }

    public One<DepartmentAppraisal> department(String unit, Period period) {
        var sheet = sheet(Kind.DEPARTMENT, DepartmentAppraisal.class, List.of(unit), period);
        return new One<>(java.util.Objects.requireNonNull(sheet.rows().get(unit)), sheet.closed());
    }

    public Ranked<StreetAppraisal> streets(String area, Period period) {
        var streets = streetsIn(area);
        var sheet = sheet(Kind.STREET, StreetAppraisal.class, streets, period);
        var previous = sheet(Kind.STREET, StreetAppraisal.class, streets, period.previous());
        return new Ranked<>(
                period,
                sheet.weights(),
                Ranking.rank(
                        scores(sheet.rows(), StreetAppraisal::score), scores(previous.rows(), StreetAppraisal::score)),
                sheet.rows(),
                sheet.closed());
    }

    /**
     * Freezes a closing period's appraisals of every department and street of the city with the weights in force on
     * its first day; a kind without weights in force then has nothing to appraise with and freezes nothing.
     */
    public void freeze(String periodCode, LocalDate from, LocalDate to) {
        var period = Period.between(from, to);
        var now = clock.instant();
        for (var kind : Kind.values()) {
            weights.inForceIfAny(kind, from)
                    .ifPresent(w ->
                            frozen.freeze(periodCode, kind, w.effectiveFrom(), live(kind, all(kind), period, w), now));
        }
        AUDIT.info("appraisals of period {} frozen", periodCode);
    }

    /**
     * Adjusts a closed period's appraisals of one kind to what the events, ratings and weights say now: every row
     * that differs takes the new value, the original stays beside it, and the adjustment keeps author and reason.
     */
    public AppraisalAdjustment adjust(String periodCode, Kind kind, String author, String reason) {
        var set = frozen.of(periodCode, kind).orElseThrow(() -> new NotFoundException("period", periodCode));
        var period = Period.between(set.from(), set.to());
        var w = weights.inForce(kind, set.from());
        var ids = new ArrayList<>(new java.util.LinkedHashSet<>(frozen.objects(periodCode, kind)));
        all(kind).stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        var stored = frozen.rows(periodCode, kind, ids, type(kind));
        var now = live(kind, ids, period, w);
        int changed = 0;
        for (var id : ids) {
            var f = stored.get(id);
            var shown = f == null || f.current() == null ? empty(kind, id) : f.current();
            var row = now.get(id);
            if (row != null && !row.equals(shown)) {
                frozen.replace(periodCode, kind, id, row);
                changed++;
            }
        }
        boolean reweighed = !w.effectiveFrom().equals(set.weightsFrom());
        if (changed == 0 && !reweighed) {
            throw new ConflictException(Phrase.of("evaluation.refusal.nothingToAdjust"));
        }
        var at = clock.instant();
        frozen.recordAdjustment(periodCode, kind, reason, author, at, w.effectiveFrom(), changed);
        AUDIT.info(
                "appraisals ({}) of period {} adjusted by {}: {} rows changed, weights of {}: {}",
                kind,
                periodCode,
                author,
                changed,
                w.effectiveFrom(),
                reason);
        return new AppraisalAdjustment(kind, reason, author, at, w.effectiveFrom(), changed);
    }

    /** The adjustments of a closed period's appraisals; empty when it froze none. */
    public Optional<List<AppraisalAdjustment>> adjustments(String periodCode) {
        if (frozen.of(periodCode, Kind.DEPARTMENT).isEmpty()
                && frozen.of(periodCode, Kind.STREET).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(frozen.adjustments(periodCode).stream()
                .map(Appraisals::adjustment)
                .toList());
    }

    private record Sheet<T>(
            AppraisalWeights weights,
            Map<String, T> rows,
            @Nullable Closed<T> closed) {}

    /** The rows of these objects in the period: frozen when a closed period covers exactly its days, else live. */
    @SuppressWarnings("unchecked")
    private <T> Sheet<T> sheet(Kind kind, Class<T> type, List<String> ids, Period period) {
        var set = frozen.covering(period.from(), period.to(), kind);
        if (set.isEmpty()) {
            var w = weights.inForce(kind, period.from());
            return new Sheet<>(w, (Map<String, T>) live(kind, ids, period, w), null);
        }
        var code = set.get().periodCode();
        var stored = frozen.rows(code, kind, ids, type);
        var now = (Map<String, T>) live(kind, ids, period, weights.inForce(kind, period.from()));
        var rows = new LinkedHashMap<String, T>();
        var originals = new LinkedHashMap<String, T>();
        boolean pending = false;
        for (var id : ids) {
            var f = stored.get(id);
            var row = f == null || f.current() == null ? (T) empty(kind, id) : f.current();
            rows.put(id, row);
            if (f != null && !row.equals(f.original())) {
                originals.put(id, f.original() == null ? (T) empty(kind, id) : f.original());
            }
            pending |= !row.equals(now.get(id));
        }
        var adjustments = frozen.adjustments(code).stream()
                .filter(a -> a.kind() == kind)
                .map(Appraisals::adjustment)
                .toList();
        return new Sheet<>(
                weights.inForce(kind, set.get().weightsFrom()),
                rows,
                new Closed<>(code, originals, pending, adjustments));
    }

    private Map<String, ?> live(Kind kind, List<String> ids, Period period, AppraisalWeights w) {
        return kind == Kind.DEPARTMENT ? departments(ids, period, w) : streets(ids, period, w);
    }

    private static Class<?> type(Kind kind) {
        return kind == Kind.DEPARTMENT ? DepartmentAppraisal.class : StreetAppraisal.class;
    }

    /** The row of an object with nothing to appraise. */
    private static Object empty(Kind kind, String id) {
        return kind == Kind.DEPARTMENT
                ? new DepartmentAppraisal(id, HandlingCounts.NONE, null, AnswerCounts.NONE, 0, null, List.of(), null)
                : new StreetAppraisal(id, HandlingCounts.NONE, null, AnswerCounts.NONE, null, null);
    }

    private static AppraisalAdjustment adjustment(FrozenAppraisals.Adjustment a) {
        return new AppraisalAdjustment(a.kind(), a.reason(), a.author(), a.at(), a.weightsFrom(), a.changedRows());
    }

    private List<String> all(Kind kind) {
        return kind == Kind.DEPARTMENT
                ? jdbc.sql("SELECT unit_id FROM org_unit WHERE area_id IS NOT NULL AND kind <> 'COMMAND_CENTRE'")
                        .query(String.class)
                        .list()
                : jdbc.sql("SELECT unit_id FROM org_unit WHERE kind = 'STREET'")
                        .query(String.class)
                        .list();
    }

    private List<String> unitsIn(String area) {
        return jdbc.sql("""
                        SELECT unit_id FROM org_unit
                        WHERE area_id IS NOT NULL AND kind <> 'COMMAND_CENTRE'
                            AND (area_id = :area OR unit_id = :area OR :area = ANY(ancestry)
                                OR area_id IN (SELECT unit_id FROM org_unit WHERE :area = ANY(ancestry)))
                        """).param("area", area).query(String.class).list();
    }

    private List<String> streetsIn(String area) {
        return jdbc.sql("""
                        SELECT unit_id FROM org_unit WHERE kind = 'STREET' AND (unit_id = :area OR :area = ANY(ancestry))
                        """).param("area", area).query(String.class).list();
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
