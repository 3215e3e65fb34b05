package org.whistle.evaluation.rankings.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.evaluation.cases.domain.CaseFold;
import org.whistle.evaluation.figures.FigureAccess;
import org.whistle.evaluation.figures.Figures;
import org.whistle.evaluation.figures.Scope;
import org.whistle.evaluation.rankings.Rankings;
import org.whistle.evaluation.vocabulary.domain.Period;
import org.whistle.evaluation.vocabulary.domain.Rate;
import org.whistle.evaluation.web.ObjectView;
import org.whistle.evaluation.web.PeriodView;
import org.whistle.evaluation.web.Shown;
import org.whistle.problems.InvalidInputException;
import org.whistle.security.Caller;
import org.whistle.texts.Phrase;

/**
 * The dashboard tile of a command centre and of a leader: their level's 三率 (响应率, 解决率, 满意率) and 按期处置率 for
 * a month, the same over the last six months, and its rank among its peers (the units of its kind in its parent area)
 * — one call for one tile.
 *
 * <ul>
 *   <li>{@code GET /api/evaluation/tile?object=<area id>[&period=2026-03]} — the month defaults to the last complete
 *       month in Asia/Shanghai
 * </ul>
 *
 * Read by whoever may read the object's figures for that month; a month of the trend the caller may not read is left
 * out rather than refusing the tile. The rank names the position and the number of peers, never a peer's figures.
 */
@RestController
@RequestMapping("/api/evaluation/tile")
class TileController {

    static final List<Rate> RATES = List.of(Rate.RESPONSE, Rate.RESOLUTION, Rate.SATISFACTION, Rate.ON_TIME_HANDLING);
    private static final int TREND = 6;

    private final Figures figures;
    private final Rankings rankings;
    private final FigureAccess access;
    private final Clock clock;

    TileController(Figures figures, Rankings rankings, FigureAccess access, Clock clock) {
        this.figures = figures;
        this.rankings = rankings;
        this.access = access;
        this.clock = clock;
    }

    record RateView(String rate, String label, @Nullable Double value, String text) {}

    record Month(PeriodView period, String status, List<RateView> rates) {}

    record Rank(@Nullable Integer rank, int of, String levelLabel, String withinName, String movement, String text) {}

    record TileView(
            ObjectView object,
            PeriodView period,
            String status,
            List<RateView> rates,
            String compositeText,
            List<Month> trend,
            Rank rank) {}

    @GetMapping
    TileView tile(@Nullable Caller caller, @RequestParam String object, @RequestParam(required = false) String period) {
        if (object.isBlank() || object.length() > 100) {
            throw InvalidInputException.of("object", Phrase.of("evaluation.refusal.subject100"));
        }
        var month = period == null ? lastMonth() : RankingsController.period(period);
        var unit = figures.object(object);
        access.check(caller, unit, figures.published(month));
        var figure = figures.figure(unit, month);
        var months = new ArrayList<Period>();
        var p = month;
        for (int i = 0; i < TREND; i++) {
            months.addFirst(p);
            p = p.previous();
        }
        var trend = months.stream()
                .filter(m -> access.mayRead(caller, unit, figures.published(m)))
                .map(m -> {
                    var f = m.equals(month) ? figure : figures.figure(unit, m);
                    return new Month(PeriodView.of(m), status(f), rates(f));
                })
                .toList();
        return new TileView(
                ObjectView.of(unit),
                PeriodView.of(month),
                status(figure),
                rates(figure),
                Shown.score(figure.figures().rates().composite()),
                trend,
                rank(unit, month));
    }

    private Rank rank(org.whistle.evaluation.organisation.Organisation.Unit unit, Period month) {
        var levelLabel = Shown.kind(unit.kind());
        if (unit.parentId() == null || !Scope.AREA_KINDS.contains(unit.kind())) {
            return new Rank(null, 0, levelLabel, "", "—", "无同级排名");
        }
        var parent = figures.object(unit.parentId());
        var table = rankings.rank(unit.kind(), parent, month, null);
        var row = table.rows().stream()
                .filter(r -> r.object().id().equals(unit.id()))
                .findFirst();
        int of = (int) table.rows().stream().filter(r -> r.rank() != null).count();
        if (row.isEmpty() || row.get().rank() == null) {
            return new Rank(null, of, levelLabel, parent.name(), "—", "本期无案件，不参与排名");
        }
        var r = row.get();
        return new Rank(
                r.rank(),
                of,
                levelLabel,
                parent.name(),
                r.movement(),
                "在" + parent.name() + " " + of + " 个" + levelLabel + "中综合排名第 " + r.rank() + " 名");
    }

    private static String status(Figures.Figure f) {
        return f.closed() == null ? "实时数据（期间未关闭）" : f.closed().state().label();
    }

    private static List<RateView> rates(Figures.Figure f) {
        return RATES.stream()
                .map(r -> new RateView(
                        r.name(),
                        r.label(),
                        f.figures().rates().of(r),
                        Shown.percent(f.figures().rates().of(r))))
                .toList();
    }

    /** The last complete month in Asia/Shanghai. */
    private Period lastMonth() {
        var today = LocalDate.now(clock.withZone(CaseFold.ZONE));
        var code = today.minusMonths(1).toString().substring(0, 7);
        return Period.parse(code).orElseThrow();
    }
}
