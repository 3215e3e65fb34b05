package org.whistle.evaluation.rankings.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.evaluation.disclosure.Disclosure;
import org.whistle.evaluation.figures.Figures;
import org.whistle.evaluation.rankings.Rankings;
import org.whistle.problems.NotFoundException;

/**
 * 考核结果公开: the ranking of a published period, for anyone, while the city discloses them (ADR 0033).
 *
 * <ul>
 *   <li>{@code GET /api/evaluation/public/rankings?level=STREET&within=<area>&period=2026-03[&by=…][&top=5]}
 * </ul>
 *
 * The comparison with the previous period (movement, 环比) and the year before (同比) is shown only when that period is
 * published too: an unpublished period's values never reach the public through a comparison.
 */
@RestController
@RequestMapping("/api/evaluation/public/rankings")
class PublicRankingsController {

    private final Rankings rankings;
    private final Figures figures;
    private final Disclosure disclosure;

    PublicRankingsController(Rankings rankings, Figures figures, Disclosure disclosure) {
        this.rankings = rankings;
        this.figures = figures;
        this.disclosure = disclosure;
    }

    @GetMapping
    RankingsController.RankingView ranking(
            @RequestParam String level,
            @RequestParam String within,
            @RequestParam String period,
            @RequestParam(defaultValue = "COMPOSITE") String by,
            @RequestParam(defaultValue = "5") int top) {
        disclosure.requireEnabled();
        RankingsController.checkTop(top);
        RankingsController.checkLevel(level);
        RankingsController.checkWithin(within);
        var parsed = RankingsController.period(period);
        var area = figures.object(within);
        if (!figures.published(parsed)) {
            throw new NotFoundException("published-period", parsed.code());
        }
        var table = rankings.rank(level, area, parsed, RankingsController.by(by));
        boolean previousPublished = figures.published(parsed.previous());
        boolean yearBeforePublished = figures.published(parsed.yearBefore());
        var rows = table.rows().stream()
                .map(r -> new Rankings.Row(
                        r.object(),
                        r.rank(),
                        r.value(),
                        previousPublished ? r.previousRank() : null,
                        previousPublished ? r.movement() : "—",
                        previousPublished ? r.previousValue() : null,
                        yearBeforePublished ? r.yearBeforeValue() : null,
                        r.counts(),
                        r.rates()))
                .toList();
        return RankingsController.view(
                new Rankings.Table(table.level(), table.within(), table.period(), table.by(), table.rules(), rows),
                top);
    }
}
