package org.whistle.evaluation.periods.web;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.evaluation.disclosure.Disclosure;
import org.whistle.evaluation.periods.Periods;
import org.whistle.evaluation.periods.domain.PeriodState;
import org.whistle.evaluation.web.Shown;

/**
 * 考核结果公开: which periods the public may read, while the city discloses them (ADR 0033).
 *
 * <ul>
 *   <li>{@code GET /api/evaluation/public/periods} — the published periods, newest first, without the names of the
 *       staff who closed and published them
 * </ul>
 */
@RestController
@RequestMapping("/api/evaluation/public/periods")
class PublicPeriodsController {

    private final Periods periods;
    private final Disclosure disclosure;

    PublicPeriodsController(Periods periods, Disclosure disclosure) {
        this.periods = periods;
        this.disclosure = disclosure;
    }

    record PublishedView(String code, String label, String from, String to, int ruleSetVersion, String publishedAt) {}

    @GetMapping
    List<PublishedView> published() {
        disclosure.requireEnabled();
        return periods.all().stream()
                .filter(p -> p.state() == PeriodState.PUBLISHED)
                .sorted(java.util.Comparator.comparing(
                                (Periods.Closed p) -> p.period().from())
                        .reversed())
                .map(p -> new PublishedView(
                        p.code(),
                        p.period().label(),
                        p.period().from().toString(),
                        p.period().to().toString(),
                        p.ruleSetVersion(),
                        Shown.time(p.publishedAt())))
                .toList();
    }
}
