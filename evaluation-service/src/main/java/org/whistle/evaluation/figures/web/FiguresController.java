package org.whistle.evaluation.figures.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.evaluation.figures.FigureAccess;
import org.whistle.evaluation.figures.FigureQueries;
import org.whistle.evaluation.figures.Figures;
import org.whistle.evaluation.figures.domain.Period;
import org.whistle.evaluation.figures.domain.Rate;
import org.whistle.evaluation.organisation.Organisation;
import org.whistle.problems.InvalidInputException;
import org.whistle.security.Caller;

/**
 * The figures of one object over one period, and the cases behind each of them.
 *
 * <ul>
 *   <li>{@code GET /api/evaluation/figures?object=<unit id>&period=2026-03} — counts, rates, 三率, composite score,
 *       durations; for a closed period the published figures, the original beside them once adjusted, and the
 *       figures with the pending adjustments.
 *   <li>{@code GET /api/evaluation/figures/cases?object=…&period=…&measure=HANDLED_LATE[&offset=0&limit=100]} — the
 *       cases (or summons) one count is made of, with the clock that decided on time or late.
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
            throw InvalidInputException.of("offset", "起始行须在 0 到 1000000 之间");
        }
        if (limit < 1 || limit > MAX_ROWS) {
            throw InvalidInputException.of("limit", "每页行数须在 1 到 " + MAX_ROWS + " 之间");
        }
        access.check(caller, unit, figures.published(parsed));
        var rows = figures.cases(unit, parsed, which, offset, limit).stream()
                .map(this::view)
                .toList();
        return new Drill(which.name(), which.label(), rows, offset, limit);
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
                Texts.state(row.state()),
                organisation.categoryName(row.categoryCode()),
                organisation.name(row.areaId()),
                organisation.name(row.owningCentreId()),
                organisation.name(row.leadUnitId()),
                organisation.name(row.unitId()),
                Texts.time(row.raisedAt()),
                Texts.time(row.dispatchedAt()),
                Texts.time(row.dueAt()),
                Texts.dueSource(row.dueSource()),
                Texts.time(row.doneAt()),
                onTime,
                row.late() && row.decidingClockId() != null ? "办结时限（" + row.decidingClockId() + "）到期" : "",
                Texts.time(row.closedAt()),
                Texts.outcome(row.outcome()),
                Texts.rating(row.answerRating()) + (row.answerByPhone() ? "（电话回访代录）" : ""),
                row.exemptReason() == null ? "" : row.exemptReason(),
                row.countDate().toString());
    }

    static Period period(String text) {
        return Period.parse(text)
                .orElseThrow(() -> InvalidInputException.of(
                        "period", "期间的写法应为 2026-03-05、2026-03、2026-Q1、2026 或 2026-03-01..2026-03-15"));
    }

    static Rate.Measure measure(String text) {
        return Arrays.stream(Rate.Measure.values())
                .filter(m -> m.name().equals(text))
                .findFirst()
                .orElseThrow(() -> InvalidInputException.of("measure", "没有这项统计：" + bounded("measure", text)));
    }

    static String bounded(String field, String value) {
        if (value.isBlank() || value.length() > 100) {
            throw InvalidInputException.of(field, "须填写，且不超过 100 个字符");
        }
        return value;
    }
}
