package org.whistle.evaluation.figures.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.evaluation.disclosure.Disclosure;
import org.whistle.evaluation.figures.Figures;
import org.whistle.problems.NotFoundException;

/**
 * 考核结果公开: the published figures of a closed period, for anyone, while the city discloses them (ADR 0033).
 *
 * <ul>
 *   <li>{@code GET /api/evaluation/public/figures?object=<unit id>&period=2026-03}
 * </ul>
 *
 * An open, closed-but-unpublished or unknown period, or the setting off, is 404 alike; the cases behind a figure
 * (ticket numbers, places) are never public, nor are pending adjustments.
 */
@RestController
@RequestMapping("/api/evaluation/public/figures")
class PublicFiguresController {

    private final Figures figures;
    private final Disclosure disclosure;

    PublicFiguresController(Figures figures, Disclosure disclosure) {
        this.figures = figures;
        this.disclosure = disclosure;
    }

    @GetMapping
    FigureView figure(@RequestParam String object, @RequestParam String period) {
        disclosure.requireEnabled();
        var parsed = FiguresController.period(period);
        var unit = figures.object(FiguresController.bounded("object", object));
        if (!figures.published(parsed)) {
            throw new NotFoundException("published-period", parsed.code());
        }
        return FigureView.of(figures.figure(unit, parsed)).disclosed();
    }
}
