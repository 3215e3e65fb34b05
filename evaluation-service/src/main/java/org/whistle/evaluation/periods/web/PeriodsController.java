package org.whistle.evaluation.periods.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.evaluation.organisation.Staff;
import org.whistle.evaluation.periods.PeriodClosing;
import org.whistle.evaluation.periods.Periods;
import org.whistle.evaluation.rules.RuleSets;
import org.whistle.evaluation.vocabulary.domain.Period;
import org.whistle.evaluation.web.Authors;
import org.whistle.evaluation.web.Shown;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.security.AccessRefusedException;
import org.whistle.security.Caller;
import org.whistle.texts.Phrase;

/**
 * Closing and publishing periods, and deciding the adjustments to closed ones. Staff read them; administrators
 * close, publish and decide, each with their name on record.
 *
 * <ul>
 *   <li>{@code GET /api/evaluation/periods}
 *   <li>{@code POST /api/evaluation/periods/{code}/close}, {@code POST /api/evaluation/periods/{code}/publish}
 *   <li>{@code GET /api/evaluation/periods/{code}/adjustments}
 *   <li>{@code POST /api/evaluation/periods/{code}/adjustments/{id}/apply} and {@code …/reject} with
 *       {@code {"reason": …}}
 * </ul>
 */
@RestController
@RequestMapping("/api/evaluation/periods")
class PeriodsController {

    private final Periods periods;
    private final RuleSets ruleSets;
    private final List<PeriodClosing> closings;
    private final Clock clock;

    PeriodsController(Periods periods, RuleSets ruleSets, List<PeriodClosing> closings, Clock clock) {
        this.periods = periods;
        this.ruleSets = ruleSets;
        this.closings = closings;
        this.clock = clock;
    }

    record PeriodView(
            String code,
            String label,
            String from,
            String to,
            String state,
            String stateLabel,
            int ruleSetVersion,
            String closedAt,
            String closedBy,
            String publishedAt,
            String publishedBy,
            int adjustmentsApplied,
            long adjustmentsPending) {}

    record AdjustmentView(
            long id,
            UUID whistleId,
            String ticketNumber,
            @Nullable UUID eventId,
            String reason,
            String author,
            String createdAt,
            String state,
            String stateLabel,
            String decidedAt,
            String decidedBy,
            String decisionReason) {}

    record Reason(@Nullable String reason) {}

    private PeriodView view(Periods.Closed p) {
        return new PeriodView(
                p.code(),
                p.period().label(),
                p.period().from().toString(),
                p.period().to().toString(),
                p.state().name(),
                p.state().label(),
                p.ruleSetVersion(),
                Shown.time(p.closedAt()),
                p.closedBy(),
                Shown.time(p.publishedAt()),
                p.publishedBy() == null ? "" : p.publishedBy(),
                p.adjustments(),
                periods.pending(p.code()));
    }

    private static AdjustmentView view(Periods.Adjustment a) {
        return new AdjustmentView(
                a.id(),
                a.whistleId(),
                a.ticketNumber() == null ? "（未立案）" : a.ticketNumber(),
                a.eventId(),
                a.reason(),
                Shown.who(a.author()),
                Shown.time(a.createdAt()),
                a.state().name(),
                a.state().label(),
                Shown.time(a.decidedAt()),
                a.decidedBy() == null ? "" : a.decidedBy(),
                a.decisionReason() == null ? "" : a.decisionReason());
    }

    private static void staff(@Nullable Caller caller) {
        if (caller == null || !caller.hasAny(Staff.ROLES)) {
            throw new AccessRefusedException(Phrase.of("evaluation.refusal.periodsStaffOnly"));
        }
    }

    @GetMapping
    List<PeriodView> all(@Nullable Caller caller) {
        staff(caller);
        return periods.all().stream().map(this::view).toList();
    }

    @PostMapping("/{code}/close")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Transactional
    PeriodView close(Caller caller, @PathVariable String code) {
        var period = Period.parse(code)
                .orElseThrow(() -> InvalidInputException.of("code", Phrase.of("evaluation.refusal.periodForms")));
        if (!period.to()
                .isBefore(java.time.LocalDate.now(clock.withZone(org.whistle.evaluation.cases.domain.CaseFold.ZONE)))) {
            throw InvalidInputException.of("code", Phrase.of("evaluation.refusal.notEnded", "period", period.code()));
        }
        var rules = ruleSets.inForceOn(period.from());
        var closed = periods.close(period, rules.version(), Authors.of(caller), clock.instant());
        closings.forEach(c -> c.closed(closed.code(), period.from(), period.to()));
        return view(closed);
    }

    @PostMapping("/{code}/publish")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Transactional
    PeriodView publish(Caller caller, @PathVariable String code) {
        return view(periods.publish(bounded(code), Authors.of(caller), clock.instant()));
    }

    @GetMapping("/{code}/adjustments")
    List<AdjustmentView> adjustments(@Nullable Caller caller, @PathVariable String code) {
        staff(caller);
        periods.find(bounded(code)).orElseThrow(() -> new NotFoundException("period", code));
        return periods.adjustments(code).stream().map(PeriodsController::view).toList();
    }

    @PostMapping("/{code}/adjustments/{id}/apply")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Transactional
    AdjustmentView apply(
            Caller caller,
            @PathVariable String code,
            @PathVariable long id,
            @RequestBody(required = false) @Nullable Reason body) {
        return decide(caller, code, id, true, body);
    }

    @PostMapping("/{code}/adjustments/{id}/reject")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Transactional
    AdjustmentView reject(
            Caller caller,
            @PathVariable String code,
            @PathVariable long id,
            @RequestBody(required = false) @Nullable Reason body) {
        return decide(caller, code, id, false, body);
    }

    private AdjustmentView decide(Caller caller, String code, long id, boolean apply, @Nullable Reason body) {
        var reason = Authors.reason(body == null ? null : body.reason());
        periods.find(bounded(code)).orElseThrow(() -> new NotFoundException("period", code));
        return view(periods.decide(code, id, apply, Authors.of(caller), reason, clock.instant()));
    }

    private static String bounded(String code) {
        if (code.length() > 30) {
            throw InvalidInputException.of("code", Phrase.of("evaluation.refusal.periodForm"));
        }
        return code;
    }
}
