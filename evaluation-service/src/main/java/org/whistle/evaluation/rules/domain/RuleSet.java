package org.whistle.evaluation.rules.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.whistle.evaluation.vocabulary.domain.Rate;
import org.whistle.texts.Phrase;

/**
 * One version of the rules figures are computed with: which cases count, how follow-up answers count, and the
 * weights of the composite score. A version is never changed; an administrator writes the next one, effective from
 * a date, and a published period keeps the version it was computed with.
 *
 * @param exemptOutcomes the closing outcomes whose cases do not count (REJECTED 无效诉求, MERGED 重复合并)
 * @param countPhoneFollowUps whether answers a command centre recorded from a phone follow-up count
 * @param basicallySatisfiedWeight how much a "basically satisfied" answer counts in 满意率 (e.g. 0.8)
 * @param weights the composite score's terms; their weights add up to 100
 */
public record RuleSet(
        int version,
        LocalDate effectiveFrom,
        Set<String> exemptOutcomes,
        boolean countPhoneFollowUps,
        double basicallySatisfiedWeight,
        List<Weight> weights,
        String author,
        String reason,
        Instant createdAt) {

    /** The outcomes a rule set may exempt. */
    public static final Set<String> EXEMPTIBLE = Set.of("REJECTED", "MERGED");

    public RuleSet {
        exemptOutcomes = Set.copyOf(exemptOutcomes);
        weights = List.copyOf(weights);
    }

    /**
     * A term of the composite score: the rate, or one minus the rate for a rate where less is better (返工率,
     * 超期待处置率, 延期率), times its weight.
     */
    public record Weight(Rate rate, double weight, boolean inverted) {}

    /** What is wrong with a proposed rule set, by catalogue key; empty when nothing is. */
    public static List<Phrase> problems(
            Set<String> exemptOutcomes, double basicallySatisfiedWeight, List<Weight> weights) {
        var problems = new java.util.ArrayList<Phrase>();
        if (!EXEMPTIBLE.containsAll(exemptOutcomes)) {
            problems.add(Phrase.of("evaluation.refusal.exemptOutcomes"));
        }
        if (!(basicallySatisfiedWeight >= 0 && basicallySatisfiedWeight <= 1)) {
            problems.add(Phrase.of("evaluation.refusal.basicWeight"));
        }
        if (weights.isEmpty()) {
            problems.add(Phrase.of("evaluation.refusal.oneWeight"));
        }
        if (weights.size() > Rate.values().length) {
            problems.add(Phrase.of("evaluation.refusal.tooManyWeights"));
        }
        if (weights.stream().map(Weight::rate).distinct().count() != weights.size()) {
            problems.add(Phrase.of("evaluation.refusal.weightTwice"));
        }
        if (weights.stream().anyMatch(w -> !(w.weight() > 0 && w.weight() <= 100))) {
            problems.add(Phrase.of("evaluation.refusal.weightRange"));
        }
        double total = weights.stream().mapToDouble(Weight::weight).sum();
        if (Math.abs(total - 100) > 1e-6) {
            problems.add(Phrase.of("evaluation.refusal.ruleWeightsSum", "total", total));
        }
        return problems;
    }
}
