package org.whistle.evaluation.figures;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.whistle.evaluation.figures.domain.Rates;
import org.whistle.evaluation.organisation.Organisation;
import org.whistle.evaluation.periods.Periods;
import org.whistle.evaluation.rules.RuleSets;
import org.whistle.evaluation.rules.domain.RuleSet;
import org.whistle.evaluation.vocabulary.domain.Counts;
import org.whistle.evaluation.vocabulary.domain.Period;
import org.whistle.evaluation.vocabulary.domain.Rate.Measure;
import org.whistle.problems.NotFoundException;

/**
 * The figures of an object over a period. An open period is counted live under the rule set in force on its first
 * day; a closed one from its frozen cases under the rule set it closed with — with the original beside the
 * published figure once adjustments were applied, and the figure as it would be with the pending ones.
 */
@Service
public class Figures {

    private final FigureQueries queries;
    private final Organisation organisation;
    private final RuleSets ruleSets;
    private final Periods periods;
    private final Clock clock;

    Figures(FigureQueries queries, Organisation organisation, RuleSets ruleSets, Periods periods, Clock clock) {
        this.queries = queries;
        this.organisation = organisation;
        this.ruleSets = ruleSets;
        this.periods = periods;
        this.clock = clock;
    }

    /** Counts with their rates. */
    public record Counted(Counts counts, Rates rates) {}

    /** An object's figures. */
    public record Figure(
            Organisation.Unit object,
            Period period,
            Periods.@Nullable Closed closed,
            RuleSet rules,
            Instant asOf,
            Counted figures,
            @Nullable Counted original,
            @Nullable Counted pending,
            long pendingAdjustments) {}

    public Organisation.Unit object(String id) {
        return organisation.unit(id).orElseThrow(() -> new NotFoundException("appraisee", id));
    }

    public static Scope scopeOf(Organisation.Unit unit) {
        if (Scope.AREA_KINDS.contains(unit.kind())) {
            return Scope.area(unit.id());
        }
        if ("COMMAND_CENTRE".equals(unit.kind())) {
            return Scope.centre(unit.id());
        }
        return Scope.unit(unit.id());
    }

    public Figure figure(Organisation.Unit object, Period period) {
        var scope = scopeOf(object);
        var closed = periods.find(period.code()).orElse(null);
        if (closed == null) {
            var rules = ruleSets.inForceOn(period.from());
            var now = clock.instant();
            var counts = one(queries.counts(query(scope, Source.LIVE, period, now, rules, null)));
            return new Figure(
                    object, period, null, rules, now, new Counted(counts, Rates.of(counts, rules)), null, null, 0);
        }
        var rules = ruleSets.version(closed.ruleSetVersion());
        var published =
                one(queries.counts(query(scope, Source.PUBLISHED, period, closed.asOf(), rules, closed.code())));
        Counted original = null;
        if (closed.adjustments() > 0) {
            var counts =
                    one(queries.counts(query(scope, Source.ORIGINAL, period, closed.asOf(), rules, closed.code())));
            original = new Counted(counts, Rates.of(counts, rules));
        }
        long pendingCount = periods.pending(closed.code());
        Counted pending = null;
        if (pendingCount > 0) {
            var counts = one(queries.counts(query(scope, Source.PENDING, period, closed.asOf(), rules, closed.code())));
            pending = new Counted(counts, Rates.of(counts, rules));
        }
        return new Figure(
                object,
                period,
                closed,
                rules,
                closed.asOf(),
                new Counted(published, Rates.of(published, rules)),
                original,
                pending,
                pendingCount);
    }

    /** The cases (or summons) behind one measure of a figure, as it was counted. */
    public java.util.List<FigureQueries.CaseRow> cases(
            Organisation.Unit object, Period period, Measure measure, int offset, int limit) {
        var closed = periods.find(period.code()).orElse(null);
        var scope = scopeOf(object);
        if (closed == null) {
            return queries.cases(
                    query(scope, Source.LIVE, period, clock.instant(), ruleSets.inForceOn(period.from()), null),
                    measure,
                    offset,
                    limit);
        }
        return queries.cases(
                query(
                        scope,
                        Source.PUBLISHED,
                        period,
                        closed.asOf(),
                        ruleSets.version(closed.ruleSetVersion()),
                        closed.code()),
                measure,
                offset,
                limit);
    }

    /** Every key's figures in a grouped scope, for rankings. */
    public Map<String, Counts> grouped(Scope scope, Period period) {
        var closed = periods.find(period.code()).orElse(null);
        if (closed == null) {
            return queries.counts(
                    query(scope, Source.LIVE, period, clock.instant(), ruleSets.inForceOn(period.from()), null));
        }
        return queries.counts(query(
                scope,
                Source.PUBLISHED,
                period,
                closed.asOf(),
                ruleSets.version(closed.ruleSetVersion()),
                closed.code()));
    }

    /** The rule set a period's figures are computed with. */
    public RuleSet rulesOf(Period period) {
        return periods.find(period.code())
                .map(closed -> ruleSets.version(closed.ruleSetVersion()))
                .orElseGet(() -> ruleSets.inForceOn(period.from()));
    }

    public boolean published(Period period) {
        return periods.find(period.code())
                .map(closed -> closed.state() == org.whistle.evaluation.periods.domain.PeriodState.PUBLISHED)
                .orElse(false);
    }

    private static FigureQueries.Query query(
            Scope scope, Source source, Period period, Instant asOf, RuleSet rules, @Nullable String code) {
        return new FigureQueries.Query(scope, source, code, period.from(), period.to(), asOf, rules);
    }

    private static Counts one(Map<String, Counts> counts) {
        return counts.values().stream().findFirst().orElse(Counts.NONE);
    }
}
