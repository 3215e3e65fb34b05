package org.whistle.evaluation.figures.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.evaluation.exports.Table;
import org.whistle.evaluation.figures.FigureAccess;
import org.whistle.evaluation.figures.FigureQueries;
import org.whistle.evaluation.figures.Figures;
import org.whistle.evaluation.organisation.Organisation;
import org.whistle.evaluation.vocabulary.domain.Period;
import org.whistle.evaluation.vocabulary.domain.Rate;
import org.whistle.evaluation.web.Shown;
import org.whistle.problems.InvalidInputException;
import org.whistle.security.Caller;
import org.whistle.texts.Phrase;

/**
 * The figures of one object over one period, and the cases behind each of them.
 *
 * <ul>
 *   <li>{@code GET /api/evaluation/figures?object=<unit id>&period=2026-03} — counts, rates, 三率, composite score,
 *       durations; for a closed period the published figures, the original beside them once adjusted, and the
 *       figures with the pending adjustments.
 *   <li>{@code GET /api/evaluation/figures/cases?object=…&period=…&measure=HANDLED_LATE[&offset=0&limit=100]} — the
 *       cases (or summons) one count is made of, with the clock that decided on time or late.
 *   <li>{@code GET /api/evaluation/figures/export?…&format=csv|xlsx} and
 *       {@code GET /api/evaluation/figures/cases/export?…&format=csv|xlsx} — the same tables as files.
 * </ul>
 */
@RestController
@RequestMapping("/api/evaluation/figures")
class FiguresController {

    static final int MAX_ROWS = 500;

    private final Figures figures;
    private final FigureAccess access;
    private final Organisation organisation;

    FiguresController(Figures figures, FigureAccess access, Organisation organisation) {
        this.figures = figures;
        this.access = access;
        this.organisation = organisation;
    }

    @GetMapping
    FigureView figure(@Nullable Caller caller, @RequestParam String object, @RequestParam String period) {
        var unit = figures.object(bounded("object", object));
        var parsed = period(period);
        access.check(caller, unit, figures.published(parsed));
        return FigureView.of(figures.figure(unit, parsed));
    }

    /** One case (or summons) behind a count. */
    record CaseView(
            UUID whistleId,
            String ticketNumber,
            String state,
            String category,
            String area,
            String owningCentre,
            String leadUnit,
            String unit,
            String raisedAt,
            String dispatchedAt,
            String dueAt,
            String dueSource,
            String doneAt,
            String onTime,
            String decidingClock,
            String closedAt,
            String outcome,
            String answer,
            String exemptReason,
            String countDate) {}

    /** The cases of one count, with the count they make up. */
    record Drill(String measure, String label, List<CaseView> cases, int offset, int limit) {}

    @GetMapping("/cases")
    Drill cases(
            @Nullable Caller caller,
            @RequestParam String object,
            @RequestParam String period,
            @RequestParam String measure,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        var unit = figures.object(bounded("object", object));
        var parsed = period(period);
        var which = measure(measure);
        if (offset < 0 || offset > 1_000_000) {
            throw InvalidInputException.of("offset", Phrase.of("evaluation.refusal.offset"));
        }
        if (limit < 1 || limit > MAX_ROWS) {
            throw InvalidInputException.of("limit", Phrase.of("refusal.between", "min", 1, "max", MAX_ROWS));
        }
        access.check(caller, unit, figures.published(parsed));
        var rows = figures.cases(unit, parsed, which, offset, limit).stream()
                .map(this::view)
                .toList();
        return new Drill(which.name(), which.label(), rows, offset, limit);
    }

    static final int MAX_EXPORT_ROWS = 10_000;

    @GetMapping("/export")
    ResponseEntity<byte[]> export(
            @Nullable Caller caller,
            @RequestParam String object,
            @RequestParam String period,
            @RequestParam(defaultValue = "csv") String format) {
        var view = figure(caller, object, period);
        var rows = new java.util.ArrayList<List<String>>();
        for (var count : view.figures().counts()) {
            rows.add(List.of("数量", count.label(), Long.toString(count.value()), "", ""));
        }
        for (var rate : view.figures().rates()) {
            rows.add(List.of(
                    "比率",
                    rate.label(),
                    rate.text(),
                    Long.toString(rate.numerator()),
                    Long.toString(rate.denominator())));
        }
        rows.add(List.of("综合", "综合指标值", view.figures().compositeText(), "", ""));
        for (var duration : view.figures().durations()) {
            rows.add(List.of("用时", duration.name(), "平均 " + duration.mean(), "90% 在 " + duration.p90() + " 内", ""));
        }
        var title = view.object().name() + "考核数据（" + view.period().label() + "，" + view.status() + "）";
        return file(new Table(title, List.of("类别", "指标", "数值", "分子", "分母"), rows), format);
    }

    @GetMapping("/cases/export")
    ResponseEntity<byte[]> exportCases(
            @Nullable Caller caller,
            @RequestParam String object,
            @RequestParam String period,
            @RequestParam String measure,
            @RequestParam(defaultValue = "csv") String format) {
        var unit = figures.object(bounded("object", object));
        var parsed = period(period);
        var which = measure(measure);
        access.check(caller, unit, figures.published(parsed));
        var rows = figures.cases(unit, parsed, which, 0, MAX_EXPORT_ROWS).stream()
                .map(this::view)
                .map(c -> List.of(
                        c.ticketNumber(),
                        c.state(),
                        c.category(),
                        c.area(),
                        c.leadUnit(),
                        c.unit(),
                        c.raisedAt(),
                        c.dispatchedAt(),
                        c.dueAt(),
                        c.dueSource(),
                        c.doneAt(),
                        c.onTime(),
                        c.decidingClock(),
                        c.closedAt(),
                        c.outcome(),
                        c.answer(),
                        c.exemptReason(),
                        c.countDate()))
                .toList();
        var header = List.of(
                "案件编号", "状态", "类别", "地点", "主办单位", "被吹哨单位", "上报时间", "派遣时间", "应完成时间", "时限来源", "完成时间", "是否按期", "判定时限",
                "结案时间", "结案方式", "回访评价", "不计入原因", "计入日期");
        var title = unit.name() + "“" + which.label() + "”案件（" + parsed.label() + "）";
        return file(new Table(title, header, rows), format);
    }

    private static ResponseEntity<byte[]> file(Table table, String format) {
        return switch (format) {
            case "csv" -> table.csvResponse();
            case "xlsx" -> table.xlsxResponse();
            default -> throw InvalidInputException.of("format", Phrase.of("evaluation.refusal.exportFormat"));
        };
    }

    private CaseView view(FigureQueries.CaseRow row) {
        String onTime;
        if (row.unitId() != null) {
            onTime = row.doneAt() == null ? (row.late() ? "超时未报到" : "未报到") : (row.late() ? "超时报到" : "按时报到");
        } else {
            onTime = row.doneAt() == null ? (row.late() ? "已超期未处置" : "未处置") : (row.late() ? "超期处置" : "按期处置");
        }
        return new CaseView(
                row.whistleId(),
                row.ticketNumber() == null ? "（未立案）" : row.ticketNumber(),
                Shown.state(row.state()),
                organisation.categoryName(row.categoryCode()),
                organisation.name(row.areaId()),
                organisation.name(row.owningCentreId()),
                organisation.name(row.leadUnitId()),
                organisation.name(row.unitId()),
                Shown.time(row.raisedAt()),
                Shown.time(row.dispatchedAt()),
                Shown.time(row.dueAt()),
                Shown.dueSource(row.dueSource()),
                Shown.time(row.doneAt()),
                onTime,
                row.late() && row.decidingClockId() != null ? "办结时限（" + row.decidingClockId() + "）到期" : "",
                Shown.time(row.closedAt()),
                Shown.outcome(row.outcome()),
                Shown.rating(row.answerRating()) + (row.answerByPhone() ? "（电话回访代录）" : ""),
                row.exemptReason() == null ? "" : row.exemptReason(),
                row.countDate().toString());
    }

    static Period period(String text) {
        return Period.parse(text)
                .orElseThrow(
                        () -> InvalidInputException.of("period", Phrase.of("evaluation.refusal.periodFormsWithSpan")));
    }

    static Rate.Measure measure(String text) {
        return Arrays.stream(Rate.Measure.values())
                .filter(m -> m.name().equals(text))
                .findFirst()
                .orElseThrow(() -> InvalidInputException.of(
                        "measure",
                        Phrase.of(
                                "refusal.oneOf",
                                "choices",
                                Arrays.stream(Rate.Measure.values())
                                        .map(Rate.Measure::label)
                                        .toList())));
    }

    static String bounded(String field, String value) {
        if (value.isBlank() || value.length() > 100) {
            throw InvalidInputException.of(field, Phrase.of("evaluation.refusal.required100"));
        }
        return value;
    }
}
