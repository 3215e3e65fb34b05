package org.whistle.evaluation.appraisal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.evaluation.appraisal.domain.AnswerCounts;
import org.whistle.evaluation.appraisal.domain.CaseFigures;
import org.whistle.evaluation.appraisal.domain.FollowUpCounts;
import org.whistle.evaluation.appraisal.domain.HandlingCounts;
import org.whistle.evaluation.appraisal.domain.IndicatorSet;
import org.whistle.evaluation.appraisal.domain.IndicatorSet.Source;
import org.whistle.evaluation.appraisal.domain.Period;
import org.whistle.evaluation.appraisal.domain.SecretaryResult;
import org.whistle.problems.ConflictException;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.security.AccessRefusedException;
import org.whistle.security.Caller;
import org.whistle.security.Role;
import org.whistle.texts.Phrase;

/**
 * 书记考核: indicator sets, secretaries, the appraising body's scores and hits, quarterly and annual results, and the
 * stars with every change to them. A negative-list hit lowers the stars at once; a veto hit takes them all.
 */
@Service
public class SecretaryAppraisals {

    private static final Logger AUDIT = LoggerFactory.getLogger("org.whistle.evaluation.audit");

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    static final int MAX_EVIDENCE = 2000;

    private final SecretaryStore store;
    private final CaseFigures figures;
    private final AppraisalAccess access;
    private final TransactionTemplate transactions;
    private final Clock clock;

    private final Participation participation;

    SecretaryAppraisals(
            SecretaryStore store,
            CaseFigures figures,
            AppraisalAccess access,
            TransactionTemplate transactions,
            Clock clock,
            Participation participation) {
        this.participation = participation;
        this.store = store;
        this.figures = figures;
        this.access = access;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A secretary with their community's name resolved by the caller. */
    public record Secretary(UUID id, String communityId, String name, String level, LocalDate tookOffice, int stars) {}

    /** A result with what it was computed from. */
    public record Result(
            Secretary secretary,
            IndicatorSet set,
            String period,
            String periodName,
            SecretaryResult result,
            List<StarChange> stars,
            List<Score> scores,
            @Nullable Frozen frozen) {}

    /**
     * The automatic indicators as they stood when the quarter or year closed, which the result is computed from; and
     * whether the cases say otherwise by now (a late event: shown, never applied silently).
     */
    public record Frozen(java.time.Instant at, boolean pending, List<RatesAdjustment> adjustments) {}

    /**
     * An adjustment of the frozen indicators by an administrator: why, who, when, and each indicator's figure before
     * and after (the first adjustment's "before" is the figure as it stood when the period closed).
     */
    public record RatesAdjustment(String reason, String by, java.time.Instant at, List<RateChange> changes) {}

    /** One automatic indicator's figure before and after an adjustment. */
    public record RateChange(
            Source source,
            @Nullable Double before,
            @Nullable Double after) {}

    public record StarChange(
            @Nullable Integer from, int to, String kind, String reason, String by, java.time.Instant at) {}

    public record Score(
            String period, String code, @Nullable Double points, String evidence, String by, java.time.Instant at) {}

    // ---- indicator sets and secretaries -------------------------------------------------------------------------

    public List<IndicatorSet> sets(Caller caller, @Nullable Integer year) {
        requireStaff(caller);
        return store.sets(year);
    }

    /** Only an administrator changes indicator sets and the register of secretaries. */
    public void requireAdministrator(Caller caller) {
        access.requireAdministrator(caller);
    }

    public void addSet(Caller caller, IndicatorSet set) {
        access.requireAdministrator(caller);
        transactions.executeWithoutResult(tx -> {
            if (!store.addSet(set, by(caller), clock.instant())) {
                throw new ConflictException(Phrase.of("evaluation.refusal.indicatorSetExists", "year", set.year()));
            }
        });
    }

    /** Adds a set unless it exists: the demo city's import, run on every start. */
    boolean importSet(IndicatorSet set) {
        return Boolean.TRUE.equals(transactions.execute(
                tx -> store.setFor(set.year(), set.level()).isEmpty() && store.addSet(set, "演示数据", clock.instant())));
    }

    boolean importSecretary(String community, String name, String level, LocalDate tookOffice, int stars) {
        return Boolean.TRUE.equals(transactions.execute(tx -> store.addSecretary(
                new SecretaryStore.Secretary(UUID.randomUUID(), community, name, level, tookOffice, stars, 1),
                "初评（演示数据）",
                "演示数据",
                null,
                clock.instant())));
    }

    public Secretary addSecretary(
            Caller caller,
            String community,
            String name,
            String level,
            LocalDate tookOffice,
            int stars,
            String reason) {
        access.requireAdministrator(caller);
        access.pathOf(community);
        if (stars < 1 || stars > 5) {
            throw InvalidInputException.of("stars", Phrase.of("evaluation.refusal.firstStars"));
        }
        var secretary = new SecretaryStore.Secretary(UUID.randomUUID(), community, name, level, tookOffice, stars, 1);
        transactions.executeWithoutResult(tx -> {
            if (!store.addSecretary(secretary, reason, by(caller), caller.name(), clock.instant())) {
                throw new ConflictException(Phrase.of("evaluation.refusal.secretaryExists"));
            }
        });
        return view(secretary);
    }

    public List<Secretary> secretaries(Caller caller) {
        requireStaff(caller);
        return store.secretaries().stream()
                .filter(s -> access.readsSecretary(caller, s.communityId()))
                .map(SecretaryAppraisals::view)
                .toList();
    }

    // ---- results ------------------------------------------------------------------------------------------------

    public Result result(Caller caller, UUID id, String period) {
        var secretary = secretary(id);
        access.requireReadSecretary(caller, secretary.communityId());
        return result(secretary, period);
    }

    private Result result(SecretaryStore.Secretary secretary, String period) {
        var p = period(period);
        var set = setOf(secretary, p.year());
        var live = rates(secretary, set, p);
        var kept = store.frozenRates(period, secretary.id());
        var rates = kept.map(SecretaryStore.FrozenRates::rates).orElse(live);
        var scored = store.standing(secretary.id(), set.id(), p.periods());
        var result = SecretaryResult.of(set, rates, scored);
        return new Result(
                view(secretary),
                set,
                period,
                SecretaryResult.periodName(period),
                result,
                store.starHistory(secretary.id()).stream()
                        .map(c -> new StarChange(
                                c.from(),
                                c.to(),
                                c.kind(),
                                c.reason(),
                                c.byName() != null ? c.byName() : c.by(),
                                c.at()))
                        .toList(),
                store.scoreHistory(secretary.id(), set.id()).stream()
                        .filter(s -> p.periods().contains(s.period()))
                        .map(s -> new Score(
                                s.period(),
                                s.code(),
                                s.points(),
                                s.evidence(),
                                s.byName() != null ? s.byName() : s.by(),
                                s.at()))
                        .toList(),
                kept.map(f -> new Frozen(f.at(), !f.rates().equals(live), adjustments(period, secretary.id())))
                        .orElse(null));
    }

    private List<RatesAdjustment> adjustments(String period, UUID secretary) {
        return store.ratesAdjustments(period, secretary).stream()
                .map(a -> new RatesAdjustment(
                        a.reason(), a.byName() != null ? a.byName() : a.by(), a.at(), changes(a.before(), a.after())))
                .toList();
    }

    private static List<RateChange> changes(Map<Source, @Nullable Double> before, Map<Source, @Nullable Double> after) {
        var changes = new ArrayList<RateChange>();
        for (var source : Source.values()) {
            var was = before.get(source);
            var is = after.get(source);
            if (!java.util.Objects.equals(was, is)) {
                changes.add(new RateChange(source, was, is));
            }
        }
        return changes;
    }

    /**
     * Adjusts a secretary's automatic indicators that a closed quarter or year froze to what the cases say now (an
     * administrator, with a reason), like the 双考核 appraisals' adjustments: the figures as they stood at closing stay
     * on record beside the adjusted ones; refused when the period froze nothing for them or nothing would change.
     */
    public Result adjustFrozenRates(Caller caller, UUID id, String period, String reason) {
        access.requireAdministrator(caller);
        var secretary = secretary(id);
        var p = period(period);
        var set = setOf(secretary, p.year());
        transactions.executeWithoutResult(tx -> {
            var kept = store.frozenRatesForUpdate(period, secretary.id())
                    .orElseThrow(() -> new ConflictException(Phrase.of("evaluation.refusal.ratesNotFrozen")));
            var live = rates(secretary, set, p);
            if (kept.rates().equals(live)) {
                throw new ConflictException(Phrase.of("evaluation.refusal.nothingToAdjust"));
            }
            var now = clock.instant();
            store.adjustRates(
                    period,
                    secretary.id(),
                    new SecretaryStore.RatesAdjustment(reason, by(caller), caller.name(), now, kept.rates(), live));
            AUDIT.info(
                    "automatic indicators of secretary {} for {} adjusted by {}: {} -> {}: {}",
                    secretary.id(),
                    period,
                    by(caller),
                    kept.rates(),
                    live,
                    reason);
        });
        return result(store.secretary(secretary.id()).orElseThrow(), period);
    }

    /**
     * Freezes every secretary's automatic indicators for a closing quarter or year (other periods hold none); a
     * secretary whose year has no indicator set for their level has nothing to freeze.
     */
    void freeze(String periodCode) {
        if (!QUARTER.matcher(periodCode).matches() && !YEAR.matcher(periodCode).matches()) {
            return;
        }
        var p = period(periodCode);
        var now = clock.instant();
        for (var secretary : store.secretaries()) {
            store.setFor(p.year(), secretary.level())
                    .ifPresent(set -> store.freezeRates(periodCode, secretary.id(), rates(secretary, set, p), now));
        }
    }

    private Map<Source, @Nullable Double> rates(SecretaryStore.Secretary secretary, IndicatorSet set, Named p) {
        var community = List.of(secretary.communityId());
        var span = p.span();
        var handling = figures.ofAreas(community, span, clock.instant())
                .getOrDefault(secretary.communityId(), HandlingCounts.NONE);
        var followUps =
                figures.followUpsInAreas(community, span).getOrDefault(secretary.communityId(), FollowUpCounts.NONE);
        var answers = figures.answersInAreas(community, span).getOrDefault(secretary.communityId(), AnswerCounts.NONE);
        Map<Source, @Nullable Double> rates = new EnumMap<>(Source.class);
        rates.put(Source.RESPONSE_RATE, followUps.due() == 0 ? null : followUps.responseRate());
        rates.put(Source.RESOLUTION_RATE, followUps.followedUp() == 0 ? null : followUps.resolutionRate());
        rates.put(
                Source.SATISFACTION_RATE,
                followUps.followedUp() == 0 ? null : followUps.satisfactionRate(set.basicallySatisfiedWeight()));
        rates.put(Source.ON_TIME_HANDLING, handling.due() == 0 ? null : handling.onTimeRate());
        rates.put(Source.REWORK_RATE, handling.due() == 0 ? null : handling.reworkRate());
        rates.put(Source.WHISTLES_ANSWERED, answers.summoned() == 0 ? null : answers.reportInRate());
        var members = participation.of(secretary.communityId(), span);
        rates.put(Source.MEMBERS_REPORTED, (double) members.inServiceMembersReported());
        rates.put(Source.MEMBER_TASKS_DONE, (double) members.tasksDone());
        return rates;
    }

    // ---- the appraising body's scores and hits -------------------------------------------------------------------

    /**
     * Scores a manual item for a quarter, or records a negative-list or veto hit (points absent), with evidence. A
     * negative hit lowers the stars at once by the item's stars; a veto hit takes them all.
     */
    public Result score(Caller caller, UUID id, String period, String code, @Nullable Double points, String evidence) {
        var secretary = secretary(id);
        access.requireAppraise(caller, secretary.communityId());
        var p = period(period);
        if (p.quarter() == null) {
            throw InvalidInputException.of("period", Phrase.of("evaluation.refusal.quarterOnly"));
        }
        var set = setOf(secretary, p.year());
        var indicator = set.indicator(code)
                .orElseThrow(() -> InvalidInputException.of(
                        "indicator", Phrase.of("evaluation.refusal.noSuchIndicatorCode", "code", code)));
        if (evidence.isBlank() || evidence.length() > MAX_EVIDENCE) {
            throw InvalidInputException.of(
                    "evidence", Phrase.of("evaluation.refusal.evidenceRequired", "max", MAX_EVIDENCE));
        }
        switch (indicator.kind()) {
            case AUTO ->
                throw InvalidInputException.of(
                        "indicator", Phrase.of("evaluation.refusal.indicatorAutomatic", "code", indicator.code()));
            case MANUAL -> {
                if (points == null || points < 0 || points > indicator.points()) {
                    throw InvalidInputException.of(
                            "points",
                            Phrase.of(
                                    "evaluation.refusal.pointsRange",
                                    "code",
                                    indicator.code(),
                                    "max",
                                    indicator.points()));
                }
            }
            case NEGATIVE, VETO -> {
                if (points != null) {
                    throw InvalidInputException.of("points", Phrase.of("evaluation.refusal.negativeNotScored"));
                }
            }
        }
        var now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            store.addScore(
                    secretary.id(),
                    set.id(),
                    new SecretaryStore.ScoreEntry(
                            period, code, points, evidence.strip(), by(caller), caller.name(), now));
            var current = store.secretary(secretary.id()).orElseThrow();
            var when = SecretaryResult.periodName(period);
            switch (indicator.kind()) {
                case NEGATIVE ->
                    store.changeStars(
                            current,
                            Math.max(0, current.stars() - indicator.stars()),
                            "NEGATIVE",
                            "负面清单“" + indicator.name() + "”（" + when + "）：降 " + indicator.stars() + " 星",
                            by(caller),
                            caller.name(),
                            now);
                case VETO ->
                    store.changeStars(
                            current,
                            0,
                            "VETO",
                            "一票否决“" + indicator.name() + "”（" + when + "）",
                            by(caller),
                            caller.name(),
                            now);
                default -> {}
            }
        });
        return result(store.secretary(secretary.id()).orElseThrow(), period);
    }

    /** 年度评定: the year's result sets the stars (the negative list of the year counted, a veto takes every star). */
    public Result rateYear(Caller caller, UUID id, int year) {
        var secretary = secretary(id);
        access.requireAppraise(caller, secretary.communityId());
        var annual = result(secretary, String.valueOf(year));
        var r = annual.result();
        var reason = year + "年度评定：总分 " + r.total() + " 分"
                + (r.negativeStars() > 0 ? "，负面清单降 " + r.negativeStars() + " 星" : "")
                + (r.vetoed() ? "，一票否决" : "");
        transactions.executeWithoutResult(tx -> store.changeStars(
                store.secretary(id).orElseThrow(),
                r.earnedStars(),
                "ANNUAL",
                reason,
                by(caller),
                caller.name(),
                clock.instant()));
        return result(store.secretary(id).orElseThrow(), String.valueOf(year));
    }

    /** 动态调整: stars changed by the appraising body for a reason (innovation, years in office …). */
    public Result adjustStars(Caller caller, UUID id, int stars, String reason, int year) {
        var secretary = secretary(id);
        access.requireAppraise(caller, secretary.communityId());
        if (stars < 0 || stars > 5) {
            throw InvalidInputException.of("stars", Phrase.of("evaluation.refusal.stars0to5"));
        }
        if (reason.isBlank() || reason.length() > MAX_EVIDENCE) {
            throw InvalidInputException.of(
                    "reason", Phrase.of("evaluation.refusal.adjustmentReason", "max", MAX_EVIDENCE));
        }
        transactions.executeWithoutResult(tx -> store.changeStars(
                store.secretary(id).orElseThrow(),
                stars,
                "ADJUSTED",
                "动态调整：" + reason.strip(),
                by(caller),
                caller.name(),
                clock.instant()));
        return result(store.secretary(id).orElseThrow(), String.valueOf(year));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** A quarter or a year: the periods whose scores count and the dates whose cases count. */
    record Named(int year, @Nullable Integer quarter, List<String> periods, Period span) {}

    static Named period(String period) {
        var q = QUARTER.matcher(period);
        if (q.matches()) {
            int year = Integer.parseInt(q.group(1));
            return new Named(year, Integer.parseInt(q.group(2)), List.of(period), Period.named(period));
        }
        if (YEAR.matcher(period).matches()) {
            int year = Integer.parseInt(period);
            var quarters = new ArrayList<String>();
            for (int i = 1; i <= 4; i++) {
                quarters.add(year + "-Q" + i);
            }
            return new Named(year, null, quarters, Period.named(period));
        }
        throw InvalidInputException.of("period", Phrase.of("evaluation.refusal.periodQuarterOrYear"));
    }

    private IndicatorSet setOf(SecretaryStore.Secretary secretary, int year) {
        return store.setFor(year, secretary.level())
                .orElseThrow(() -> new ConflictException(Phrase.of("evaluation.refusal.noIndicatorSet", "year", year)));
    }

    private SecretaryStore.Secretary secretary(UUID id) {
        return store.secretary(id).orElseThrow(() -> new NotFoundException("secretary", id.toString()));
    }

    private static Secretary view(SecretaryStore.Secretary s) {
        return new Secretary(s.id(), s.communityId(), s.name(), s.level(), s.tookOffice(), s.stars());
    }

    private static String by(Caller caller) {
        return caller.subject();
    }

    private static void requireStaff(Caller caller) {
        if (!caller.hasAny(java.util.EnumSet.of(
                Role.STREET_DISPATCHER,
                Role.DISTRICT_DISPATCHER,
                Role.CITY_DISPATCHER,
                Role.LEADER,
                Role.ADMINISTRATOR,
                Role.COMMUNITY_STAFF))) {
            throw new AccessRefusedException(Phrase.of("evaluation.refusal.secretariesNotForRole"));
        }
    }
}
