package org.whistle.evaluation.rankings.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.evaluation.exports.Table;
import org.whistle.evaluation.figures.FigureAccess;
import org.whistle.evaluation.figures.Figures;
import org.whistle.evaluation.rankings.Rankings;
import org.whistle.evaluation.vocabulary.domain.Period;
import org.whistle.evaluation.vocabulary.domain.Rate;
import org.whistle.evaluation.web.ObjectView;
import org.whistle.evaluation.web.PeriodView;
import org.whistle.evaluation.web.RuleSetRef;
import org.whistle.evaluation.web.Shown;
import org.whistle.problems.InvalidInputException;
import org.whistle.security.Caller;
import org.whistle.texts.Phrase;

/**
 * Rankings of a level within an area, with ties, movement, 红黑榜 (top and bottom N), 环比 and 同比.
 *
 * <ul>
 *   <li>{@code GET /api/evaluation/rankings?level=STREET&within=<area>&period=2026-03[&by=COMPOSITE|<rate>][&top=5]}
 *   <li>{@code GET /api/evaluation/rankings/export?…&format=csv|xlsx} — the same table as a file
 * </ul>
 */
@RestController
@RequestMapping("/api/evaluation/rankings")
class RankingsController {

    private static final int MAX_TOP = 50;

    private final Rankings rankings;
    private final Figures figures;
    private final FigureAccess access;

    RankingsController(Rankings rankings, Figures figures, FigureAccess access) {
        this.rankings = rankings;
        this.figures = figures;
        this.access = access;
    }

    record RowView(
            @Nullable Integer rank,
            String id,
            String name,
            @Nullable Double value,
            String valueText,
            @Nullable Integer previousRank,
            String movement,
            String previousValueText,
            String periodOnPeriod,
            String yearBeforeValueText,
            String yearOnYear,
            String composite,
            String onTimeHandling,
            String closure,
            String satisfaction,
            String reportIn,
            long dueForHandling) {}

    record RankingView(
            String level,
            String levelLabel,
            ObjectView within,
            PeriodView period,
            String by,
            String byLabel,
            RuleSetRef ruleSet,
            List<RowView> rows,
            List<RowView> red,
            List<RowView> black) {}

    @GetMapping
    RankingView ranking(
            @Nullable Caller caller,
            @RequestParam String level,
            @RequestParam String within,
            @RequestParam String period,
            @RequestParam(defaultValue = "COMPOSITE") String by,
            @RequestParam(defaultValue = "5") int top) {
        checkTop(top);
        return view(table(caller, level, within, period, by), top);
    }

    static void checkTop(int top) {
        if (top < 1 || top > MAX_TOP) {
            throw InvalidInputException.of("top", Phrase.of("refusal.between", "min", 1, "max", MAX_TOP));
        }
    }

    /** The ranking with its 红黑榜 of {@code top} each, as the staff and the public pages read it. */
    static RankingView view(Rankings.Table table, int top) {
        var rows = table.rows().stream().map(r -> view(r, table.by() == null)).toList();
        var ranked = rows.stream().filter(r -> r.rank() != null).toList();
        var red = ranked.stream().limit(top).toList();
        var black = new ArrayList<>(ranked.subList(Math.max(0, ranked.size() - top), ranked.size()));
        java.util.Collections.reverse(black);
        return new RankingView(
                table.level(),
                Shown.kind(table.level()),
                ObjectView.of(table.within()),
                PeriodView.of(table.period()),
                table.by() == null ? "COMPOSITE" : table.by().name(),
                table.by() == null ? "综合指标值" : table.by().label(),
                RuleSetRef.of(table.rules().version(), table.rules().effectiveFrom()),
                rows,
                red,
                black);
    }

    static Period period(String period) {
        return Period.parse(period)
                .orElseThrow(
                        () -> InvalidInputException.of("period", Phrase.of("evaluation.refusal.periodFormsWithSpan")));
    }

    /**
     * Refuses a level that is not one of {@link Rankings#LEVELS}, naming the choices by the names people use (ADR
     * 0043): a level that names nothing used to answer an empty ranking (200), which reads as "nobody to rank".
     */
    static void checkLevel(String level) {
        if (!Rankings.LEVELS.contains(level)) {
            throw InvalidInputException.of(
                    "level",
                    Phrase.of(
                            "refusal.oneOf",
                            "choices",
                            Rankings.LEVELS.stream()
                                    .map(kind -> Phrase.of("node." + kind))
                                    .toList()));
        }
    }

    static void checkWithin(String within) {
        if (within.isBlank() || within.length() > 100) {
            throw InvalidInputException.of("within", Phrase.of("evaluation.refusal.scope100"));
        }
    }

    static @Nullable Rate by(String by) {
        if ("COMPOSITE".equals(by)) {
            return null;
        }
        return Arrays.stream(Rate.values())
                .filter(r -> r.name().equals(by))
                .findFirst()
                .orElseThrow(() -> InvalidInputException.of(
                        "by",
                        Phrase.of(
                                "refusal.oneOf",
                                "choices",
                                java.util.stream.Stream.concat(
                                                java.util.stream.Stream.of("综合指标值"),
                                                Arrays.stream(Rate.values()).map(Rate::label))
                                        .toList())));
    }

    @GetMapping("/export")
    ResponseEntity<byte[]> export(
            @Nullable Caller caller,
            @RequestParam String level,
            @RequestParam String within,
            @RequestParam String period,
            @RequestParam(defaultValue = "COMPOSITE") String by,
            @RequestParam(defaultValue = "csv") String format) {
        var table = table(caller, level, within, period, by);
        var byLabel = table.by() == null ? "综合指标值" : table.by().label();
        var header = List.of(
                "排名",
                "名称",
                byLabel,
                "上期排名",
                "名次变化",
                "上期" + byLabel,
                "环比",
                "去年同期" + byLabel,
                "同比",
                "综合指标值",
                "按期处置率",
                "结案率",
                "满意率",
                "报到率",
                "应处置");
        var rows = table.rows().stream()
                .map(r -> view(r, table.by() == null))
                .map(r -> List.of(
                        r.rank() == null ? "无数据" : r.rank().toString(),
                        r.name(),
                        r.valueText(),
                        r.previousRank() == null ? "" : r.previousRank().toString(),
                        r.movement(),
                        r.previousValueText(),
                        r.periodOnPeriod(),
                        r.yearBeforeValueText(),
                        r.yearOnYear(),
                        r.composite(),
                        r.onTimeHandling(),
                        r.closure(),
                        r.satisfaction(),
                        r.reportIn(),
                        Long.toString(r.dueForHandling())))
                .toList();
        var title = table.within().name() + Shown.kind(level) + "排名（"
                + table.period().label() + "，按" + byLabel + "）";
        var file = new Table(title, header, rows);
        return switch (format) {
            case "csv" -> file.csvResponse();
            case "xlsx" -> file.xlsxResponse();
            default -> throw InvalidInputException.of("format", Phrase.of("evaluation.refusal.exportFormat"));
        };
    }

    private Rankings.Table table(@Nullable Caller caller, String level, String within, String period, String by) {
        checkLevel(level);
        var parsed = period(period);
        checkWithin(within);
        var area = figures.object(within);
        access.check(caller, area, figures.published(parsed));
        return rankings.rank(level, area, parsed, by(by));
    }

    private static RowView view(Rankings.Row row, boolean score) {
        return new RowView(
                row.rank(),
                row.object().id(),
                row.object().name(),
                row.value(),
                text(
                        row.value(),
                        row.rates().composite() != null
                                && row.value() == row.rates().composite()),
                row.previousRank(),
                row.movement(),
                text(row.previousValue(), score),
                change(row.value(), row.previousValue(), score),
                text(row.yearBeforeValue(), score),
                change(row.value(), row.yearBeforeValue(), score),
                Shown.score(row.rates().composite()),
                Shown.percent(row.rates().of(Rate.ON_TIME_HANDLING)),
                Shown.percent(row.rates().of(Rate.CLOSURE)),
                Shown.percent(row.rates().of(Rate.SATISFACTION)),
                Shown.percent(row.rates().of(Rate.REPORT_IN)),
                row.counts().dueForHandling());
    }

    private static String text(@Nullable Double value, boolean score) {
        if (value == null) {
            return "—";
        }
        return score ? Shown.score(value) : Shown.percent(value);
    }

    /** The change in Chinese: +1.25 个百分点 for rates, +3.50 分 for scores. */
    private static String change(@Nullable Double now, @Nullable Double before, boolean score) {
        if (now == null || before == null) {
            return "—";
        }
        double delta = score ? now - before : (now - before) * 100;
        return String.format("%+.2f", delta) + (score ? " 分" : " 个百分点");
    }
}
