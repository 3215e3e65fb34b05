package org.whistle.evaluation.appraisal.web;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.evaluation.appraisal.AppraisalService;
import org.whistle.evaluation.appraisal.Appraisals;
import org.whistle.evaluation.appraisal.domain.AnswerCounts;
import org.whistle.evaluation.appraisal.domain.AppraisalWeights;
import org.whistle.evaluation.appraisal.domain.HandlingCounts;
import org.whistle.evaluation.appraisal.domain.Period;
import org.whistle.evaluation.organisation.Organisation;
import org.whistle.evaluation.web.Authors;
import org.whistle.evaluation.web.Shown;
import org.whistle.problems.InvalidInputException;
import org.whistle.security.Caller;
import org.whistle.texts.Phrase;

/**
 * 双考核 appraisals over HTTP: departments and streets of an area, ranked, and the weights they use; a closed period's
 * as frozen, with its adjustments.
 */
@RestController
@RequestMapping("/api/evaluation/appraisals")
class AppraisalsController {

    private final AppraisalService appraisals;
    private final Organisation organisation;

    AppraisalsController(AppraisalService appraisals, Organisation organisation) {
        this.appraisals = appraisals;
        this.organisation = organisation;
    }

    /** The weights a table used, as a person reads them. */
    record WeightsView(
            String kind,
            String kindLabel,
            LocalDate effectiveFrom,
            double handling,
            double onTimeHandling,
            double rework,
            double overduePending,
            double extension,
            double caseShare,
            double otherShare,
            String otherLabel,
            @Nullable String author,
            @Nullable String reason) {

        static WeightsView of(AppraisalWeights w, @Nullable String author, @Nullable String reason) {
            boolean department = w.kind() == AppraisalWeights.Kind.DEPARTMENT;
            return new WeightsView(
                    w.kind().name(),
                    department ? "部门考核" : "街道考核",
                    w.effectiveFrom(),
                    w.handling(),
                    w.onTimeHandling(),
                    w.rework(),
                    w.overduePending(),
                    w.extension(),
                    w.caseShare(),
                    w.otherShare(),
                    department ? "吹哨指挥中心评价" : "吹哨响应情况",
                    author,
                    reason);
        }
    }

    /** The case figures of a row, counts and rates in per cent. */
    record CaseFiguresView(
            long due,
            long handled,
            long handledOnTime,
            long overduePending,
            long reworked,
            long extended,
            double handlingRate,
            double onTimeHandlingRate,
            double reworkRate,
            double overduePendingRate,
            double extensionRate) {

        static CaseFiguresView of(HandlingCounts c) {
            return new CaseFiguresView(
                    c.due(),
                    c.handled(),
                    c.handledOnTime(),
                    c.overdueOpen(),
                    c.reworked(),
                    c.extended(),
                    percent(c.handlingRate()),
                    percent(c.onTimeRate()),
                    percent(c.reworkRate()),
                    percent(c.overdueRate()),
                    percent(c.extensionRate()));
        }
    }

    /** How summonses were answered. */
    record AnswersView(
            long summoned, long reportedInOnTime, double reportInRate, long ended, long done, double doneRate) {
        static AnswersView of(AnswerCounts a) {
            return new AnswersView(
                    a.summoned(),
                    a.reportedInOnTime(),
                    percent(a.reportInRate()),
                    a.ended(),
                    a.done(),
                    percent(a.doneRate()));
        }
    }

    record CentreRatingsView(String centreId, String centreName, long count, double average) {}

    record DepartmentRow(
            @Nullable Integer rank,
            @Nullable Integer movement,
            String movementLabel,
            String unitId,
            String unitName,
            @Nullable Double score,
            @Nullable Double composite,
            CaseFiguresView cases,
            AnswersView answers,
            long ratings,
            @Nullable Double ratingAverage,
            List<CentreRatingsView> byCentre,
            @Nullable Original original) {}

    record StreetRow(
            @Nullable Integer rank,
            @Nullable Integer movement,
            String movementLabel,
            String streetId,
            String streetName,
            @Nullable Double score,
            @Nullable Double composite,
            CaseFiguresView cases,
            AnswersView answers,
            @Nullable Double answeredScore,
            @Nullable Original original) {}

    /**
     * A row of a closed period as it stood when the period closed, shown beside the adjusted one: the score, the
     * composite and the other side (the centres' ratings of a department, how a street's whistles were answered).
     */
    record Original(
            @Nullable Double score,
            @Nullable Double composite,
            @Nullable Double other,
            long due) {}

    /** An adjustment of a closed period's appraisals, as a person reads it. */
    record AdjustmentView(
            String kind,
            String kindLabel,
            String reason,
            String author,
            String at,
            LocalDate weightsFrom,
            int changedRows) {
        static AdjustmentView of(Appraisals.AppraisalAdjustment a) {
            return new AdjustmentView(
                    a.kind().name(),
                    a.kind() == AppraisalWeights.Kind.DEPARTMENT ? "部门考核" : "街道考核",
                    a.reason(),
                    Shown.who(a.author()),
                    Shown.time(a.at()),
                    a.weightsFrom(),
                    a.changedRows());
        }
    }

    /** What a closed period froze: its appraisals move only through an adjustment. */
    record ClosedView(String periodCode, String note, boolean pending, List<AdjustmentView> adjustments) {
        static @Nullable ClosedView of(Appraisals.@Nullable Closed<?> closed) {
            if (closed == null) {
                return null;
            }
            var note = closed.pending() ? "本期已关闭，考核结果已固定；此后的事件、评价或权重会改变结果，须由管理员调整后才生效" : "本期已关闭，考核结果已固定";
            return new ClosedView(
                    closed.periodCode(),
                    note,
                    closed.pending(),
                    closed.adjustments().stream().map(AdjustmentView::of).toList());
        }
    }

    record Table<T>(
            String period,
            LocalDate from,
            LocalDate to,
            String areaName,
            WeightsView weights,
            List<T> rows,
            @Nullable ClosedView closed) {}

    /** 部门考核: the handling units of an area, ranked on case figures and the ratings of the centres that summoned them. */
    @GetMapping("/departments")
    Table<DepartmentRow> departments(
            @RequestParam String area,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            Caller caller) {
        var p = period(period, from, to);
        var ranked = appraisals.departments(caller, bounded(area), p);
        var rows = ranked.places().stream()
                .map(place -> department(
                        java.util.Objects.requireNonNull(ranked.rows().get(place.id())),
                        place.rank(),
                        place.movement(),
                        original(ranked.closed(), place.id())))
                .toList();
        return new Table<>(
                p.label(),
                p.from(),
                p.to(),
                organisation.name(area),
                WeightsView.of(ranked.weights(), null, null),
                rows,
                ClosedView.of(ranked.closed()));
    }

    /** One department's appraisal, for the unit itself or a centre that summoned it. */
    @GetMapping("/departments/{unit}")
    DepartmentRow department(
            @PathVariable String unit,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            Caller caller) {
        var one = appraisals.department(caller, bounded(unit), period(period, from, to));
        return department(one.row(), null, null, original(one.closed(), unit));
    }

    /** 街道考核: the streets of an area, ranked on their own figures and how their whistles were answered. */
    @GetMapping("/streets")
    Table<StreetRow> streets(
            @RequestParam String area,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            Caller caller) {
        var p = period(period, from, to);
        var ranked = appraisals.streets(caller, bounded(area), p);
        var rows = ranked.places().stream()
                .map(place -> {
                    var s = java.util.Objects.requireNonNull(ranked.rows().get(place.id()));
                    return new StreetRow(
                            place.rank(),
                            place.movement(),
                            movement(place.movement()),
                            s.streetId(),
                            organisation.name(s.streetId()),
                            place.score(),
                            round(s.composite()),
                            CaseFiguresView.of(s.cases()),
                            AnswersView.of(s.answers()),
                            round(s.answeredScore()),
                            original(ranked.closed(), s.streetId()));
                })
                .toList();
        return new Table<>(
                p.label(),
                p.from(),
                p.to(),
                organisation.name(area),
                WeightsView.of(ranked.weights(), null, null),
                rows,
                ClosedView.of(ranked.closed()));
    }

    /** Every version of the weights, with author and reason. */
    @GetMapping("/weights")
    List<WeightsView> weights(Caller caller) {
        return appraisals.weights(caller).stream()
                .map(v -> WeightsView.of(v.weights(), v.author(), v.reason()))
                .toList();
    }

    record WeightsRequest(
            AppraisalWeights.@Nullable Kind kind,
            @Nullable LocalDate effectiveFrom,
            @Nullable Double handling,
            @Nullable Double onTimeHandling,
            @Nullable Double rework,
            @Nullable Double overduePending,
            @Nullable Double extension,
            @Nullable Double caseShare,
            @Nullable Double otherShare,
            @Nullable String reason) {}

    /** A new version of the weights, effective from a date (an administrator, with a reason). */
    @PostMapping("/weights")
    WeightsView addWeights(@RequestBody WeightsRequest body, Caller caller) {
        if (body.kind() == null || body.effectiveFrom() == null) {
            throw InvalidInputException.of("effectiveFrom", Phrase.of("evaluation.refusal.subjectAndDate"));
        }
        if (body.reason() == null || body.reason().isBlank() || body.reason().length() > 500) {
            throw InvalidInputException.of("reason", Phrase.of("evaluation.refusal.changeReason"));
        }
        var w = new AppraisalWeights(
                body.kind(),
                body.effectiveFrom(),
                value(body.handling()),
                value(body.onTimeHandling()),
                value(body.rework()),
                value(body.overduePending()),
                value(body.extension()),
                value(body.caseShare()),
                value(body.otherShare()));
        appraisals.addWeights(caller, w, body.reason().strip());
        return WeightsView.of(
                w,
                caller.name() != null ? caller.name() : caller.subject(),
                body.reason().strip());
    }

    record AdjustmentRequest(
            AppraisalWeights.@Nullable Kind kind, @Nullable String reason) {}

    /** The adjustments of a closed period's appraisals, with author, reason and time. */
    @GetMapping("/periods/{code}/adjustments")
    List<AdjustmentView> adjustments(@PathVariable String code, Caller caller) {
        return appraisals.adjustments(caller, boundedCode(code)).stream()
                .map(AdjustmentView::of)
                .toList();
    }

    /**
     * Adjusts a closed period's appraisals of one kind to what the events, ratings and weights say now (an
     * administrator, with a reason); the rows as they stood at closing stay beside the adjusted ones.
     */
    @PostMapping("/periods/{code}/adjustments")
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('ADMINISTRATOR')")
    AdjustmentView adjust(@PathVariable String code, @RequestBody AdjustmentRequest body, Caller caller) {
        if (body.kind() == null) {
            throw InvalidInputException.of("kind", Phrase.of("evaluation.refusal.adjustmentKind"));
        }
        var reason = Authors.reason(body.reason());
        return AdjustmentView.of(appraisals.adjust(caller, boundedCode(code), body.kind(), Authors.of(caller), reason));
    }

    private static @Nullable Original original(Appraisals.@Nullable Closed<?> closed, String id) {
        if (closed == null) {
            return null;
        }
        return switch (closed.originals().get(id)) {
            case null -> null;
            case Appraisals.DepartmentAppraisal d ->
                new Original(
                        round(d.score()),
                        round(d.composite()),
                        round(d.ratingAverage()),
                        d.cases().due());
            case Appraisals.StreetAppraisal s ->
                new Original(
                        round(s.score()),
                        round(s.composite()),
                        round(s.answeredScore()),
                        s.cases().due());
            default -> null;
        };
    }

    private static String boundedCode(String code) {
        if (code.isBlank() || code.length() > 30) {
            throw InvalidInputException.of("code", Phrase.of("evaluation.refusal.periodForm"));
        }
        return code;
    }

    private DepartmentRow department(
            Appraisals.DepartmentAppraisal d,
            @Nullable Integer rank,
            @Nullable Integer movement,
            @Nullable Original original) {
        return new DepartmentRow(
                rank,
                movement,
                movement(movement),
                d.unitId(),
                organisation.name(d.unitId()),
                round(d.score()),
                round(d.composite()),
                CaseFiguresView.of(d.cases()),
                AnswersView.of(d.answers()),
                d.ratings(),
                round(d.ratingAverage()),
                d.byCentre().stream()
                        .map(c -> new CentreRatingsView(
                                c.centreId(),
                                organisation.name(c.centreId()),
                                c.count(),
                                Math.round(c.average() * 100) / 100.0))
                        .toList(),
                original);
    }

    static Period period(@Nullable String name, @Nullable LocalDate from, @Nullable LocalDate to) {
        if (name != null) {
            if (name.length() > 10) {
                throw InvalidInputException.of("period", Phrase.of("evaluation.refusal.appraisalPeriodForm"));
            }
            return Period.named(name);
        }
        if (from != null && to != null) {
            return Period.between(from, to);
        }
        throw InvalidInputException.of("period", Phrase.of("evaluation.refusal.periodOrDates"));
    }

    private static String movement(@Nullable Integer movement) {
        if (movement == null) {
            return "—";
        }
        return movement > 0 ? "上升 " + movement + " 位" : movement < 0 ? "下降 " + (-movement) + " 位" : "持平";
    }

    private static double value(@Nullable Double d) {
        if (d == null) {
            throw InvalidInputException.of("weights", Phrase.of("evaluation.refusal.everyWeight"));
        }
        return d;
    }

    static double percent(double rate) {
        return Math.round(rate * 10000) / 100.0;
    }

    private static @Nullable Double round(@Nullable Double d) {
        return d == null ? null : Math.round(d * 100) / 100.0;
    }

    static String bounded(String id) {
        if (id.isBlank() || id.length() > 64) {
            throw InvalidInputException.of("area", Phrase.of("evaluation.refusal.badId"));
        }
        return id;
    }
}
