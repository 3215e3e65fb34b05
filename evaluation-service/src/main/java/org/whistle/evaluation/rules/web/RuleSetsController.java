package org.whistle.evaluation.rules.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.evaluation.organisation.Staff;
import org.whistle.evaluation.rules.ExemptionChanges;
import org.whistle.evaluation.rules.Exemptions;
import org.whistle.evaluation.rules.RuleSets;
import org.whistle.evaluation.rules.domain.RuleSet;
import org.whistle.evaluation.vocabulary.domain.Rate;
import org.whistle.evaluation.web.Authors;
import org.whistle.evaluation.web.Shown;
import org.whistle.problems.InvalidInputException;
import org.whistle.security.AccessRefusedException;
import org.whistle.security.Caller;
import org.whistle.texts.Phrase;

/**
 * Rule sets and exemptions. Every member of staff reads them (a published figure names its rules); administrators
 * add a version or exempt a case, always with a reason. An exemption of a case in a closed period is a pending
 * adjustment of that period.
 *
 * <ul>
 *   <li>{@code GET /api/evaluation/rule-sets}, {@code POST /api/evaluation/rule-sets}
 *   <li>{@code GET /api/evaluation/exemptions}, {@code POST /api/evaluation/exemptions},
 *       {@code DELETE /api/evaluation/exemptions/{whistleId}} (with {@code {"reason": …}})
 * </ul>
 */
@RestController
@RequestMapping("/api/evaluation")
class RuleSetsController {

    private final RuleSets ruleSets;
    private final Exemptions exemptions;
    private final ExemptionChanges exemptionChanges;
    private final Clock clock;

    RuleSetsController(RuleSets ruleSets, Exemptions exemptions, ExemptionChanges exemptionChanges, Clock clock) {
        this.ruleSets = ruleSets;
        this.exemptions = exemptions;
        this.exemptionChanges = exemptionChanges;
        this.clock = clock;
    }

    /** A weight as written and read. */
    record WeightView(
            @Nullable String rate,
            @Nullable String label,
            @Nullable Double weight,
            @Nullable Boolean inverted) {}

    /** A rule set as the pages show it. */
    record RuleSetView(
            int version,
            String effectiveFrom,
            List<String> exemptOutcomes,
            List<String> exemptOutcomeLabels,
            boolean countPhoneFollowUps,
            double basicallySatisfiedWeight,
            List<WeightView> weights,
            String formula,
            String author,
            String reason,
            String createdAt) {

        static RuleSetView of(RuleSet r) {
            var weights = r.weights().stream()
                    .map(w -> new WeightView(w.rate().name(), w.rate().label(), w.weight(), w.inverted()))
                    .toList();
            var formula = String.join(
                    " + ",
                    r.weights().stream()
                            .map(w -> (w.inverted()
                                            ? "（1 − " + w.rate().label() + "）"
                                            : w.rate().label()) + " × " + trim(w.weight()))
                            .toList());
            return new RuleSetView(
                    r.version(),
                    r.effectiveFrom().toString(),
                    r.exemptOutcomes().stream().sorted().toList(),
                    r.exemptOutcomes().stream()
                            .sorted()
                            .map(o -> "REJECTED".equals(o) ? "无效诉求（已驳回）" : "重复诉求（已合并）")
                            .toList(),
                    r.countPhoneFollowUps(),
                    r.basicallySatisfiedWeight(),
                    weights,
                    formula,
                    Shown.who(r.author()),
                    r.reason(),
                    Shown.time(r.createdAt()));
        }

        private static String trim(double value) {
            return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        }
    }

    private static void staff(@Nullable Caller caller) {
        if (caller == null || !caller.hasAny(Staff.ROLES)) {
            throw new AccessRefusedException(Phrase.of("evaluation.refusal.rulesStaffOnly"));
        }
    }

    @GetMapping("/rule-sets")
    List<RuleSetView> ruleSets(@Nullable Caller caller) {
        staff(caller);
        return ruleSets.all().stream().map(RuleSetView::of).toList();
    }

    /** A new version as an administrator writes it. */
    record NewRuleSet(
            @Nullable LocalDate effectiveFrom,
            @Nullable Set<String> exemptOutcomes,
            @Nullable Boolean countPhoneFollowUps,
            @Nullable Double basicallySatisfiedWeight,
            @Nullable List<WeightView> weights,
            @Nullable String reason) {}

    @PostMapping("/rule-sets")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Transactional
    RuleSetView add(Caller caller, @RequestBody NewRuleSet body) {
        if (body.effectiveFrom() == null) {
            throw InvalidInputException.of("effectiveFrom", Phrase.of("evaluation.refusal.effectiveDate"));
        }
        if (body.weights() == null || body.weights().size() > Rate.values().length) {
            throw InvalidInputException.of(
                    "weights", Phrase.of("evaluation.refusal.weightsAtMost", "max", Rate.values().length));
        }
        var weights = body.weights().stream()
                .map(w -> new RuleSet.Weight(
                        rate(w.rate()), w.weight() == null ? 0 : w.weight(), Boolean.TRUE.equals(w.inverted())))
                .toList();
        var outcomes = body.exemptOutcomes() == null ? Set.<String>of() : body.exemptOutcomes();
        double basic = body.basicallySatisfiedWeight() == null ? 0.8 : body.basicallySatisfiedWeight();
        var problems = RuleSet.problems(outcomes, basic, weights);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream()
                    .map(p -> new org.whistle.problems.Violation("ruleSet", p))
                    .toList());
        }
        var reason = Authors.reason(body.reason());
        return RuleSetView.of(ruleSets.add(
                body.effectiveFrom(),
                outcomes,
                body.countPhoneFollowUps() == null || body.countPhoneFollowUps(),
                basic,
                weights,
                Authors.of(caller),
                reason,
                clock.instant()));
    }

    private static Rate rate(@Nullable String name) {
        return Arrays.stream(Rate.values())
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(
                        () -> InvalidInputException.of("weights", Phrase.of("evaluation.refusal.noSuchIndicator")));
    }

    /** An exemption as the pages show it. */
    record ExemptionView(
            UUID whistleId,
            String ticketNumber,
            String reason,
            String author,
            String createdAt,
            String state,
            String revokedBy,
            String revokeReason,
            String revokedAt) {

        static ExemptionView of(Exemptions.Exemption e) {
            return new ExemptionView(
                    e.whistleId(),
                    e.ticketNumber() == null ? "（未立案）" : e.ticketNumber(),
                    e.reason(),
                    e.author(),
                    Shown.time(e.createdAt()),
                    e.revokedAt() == null ? "有效" : "已撤销",
                    e.revokedBy() == null ? "" : e.revokedBy(),
                    e.revokeReason() == null ? "" : e.revokeReason(),
                    Shown.time(e.revokedAt()));
        }
    }

    @GetMapping("/exemptions")
    List<ExemptionView> exemptions(@Nullable Caller caller) {
        staff(caller);
        return exemptions.all().stream().map(ExemptionView::of).toList();
    }

    record NewExemption(@Nullable UUID whistleId, @Nullable String reason) {}

    record Reason(@Nullable String reason) {}

    @PostMapping("/exemptions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Transactional
    ExemptionView exempt(Caller caller, @RequestBody NewExemption body) {
        if (body.whistleId() == null) {
            throw InvalidInputException.of("whistleId", Phrase.of("evaluation.refusal.exemptWhich"));
        }
        var reason = Authors.reason(body.reason());
        var author = Authors.of(caller);
        var exemption = exemptions.exempt(body.whistleId(), reason, author, clock.instant());
        adjustClosedPeriods(body.whistleId(), "豁免：" + reason, author);
        return ExemptionView.of(exemption);
    }

    @DeleteMapping("/exemptions/{whistleId}")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Transactional
    ExemptionView revoke(
            Caller caller, @PathVariable UUID whistleId, @RequestBody(required = false) @Nullable Reason body) {
        var reason = Authors.reason(body == null ? null : body.reason());
        var author = Authors.of(caller);
        var revoked = exemptions.revoke(whistleId, reason, author, clock.instant());
        adjustClosedPeriods(whistleId, "撤销豁免：" + reason, author);
        return ExemptionView.of(revoked);
    }

    private void adjustClosedPeriods(UUID whistleId, String reason, String author) {
        exemptionChanges.exemptionChanged(whistleId, exemptions.countDate(whistleId), reason, author, clock.instant());
    }
}
