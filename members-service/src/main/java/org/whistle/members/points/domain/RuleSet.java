package org.whistle.members.points.domain;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.whistle.problems.InvalidInputException;
import org.whistle.texts.Phrase;

/**
 * A city's points rules, as data an administrator edits (MEMBERS.md §4): the base every member starts the year with,
 * the floor no score goes below, whether the year resets, what a no-show costs, the score a party member needs to be
 * a candidate for 优秀市民党员, and the items with their caps.
 */
public record RuleSet(
        String cityId,
        String name,
        int basePoints,
        int floorPoints,
        boolean annualReset,
        int noShowPoints,
        int excellentThreshold,
        List<Item> items) {

    /** The item volunteer service is granted under; its points come from the task. */
    public static final String TASK = "TASK";

    public static final String NO_SHOW = "NO_SHOW";
    public static final String CORRECTION = "CORRECTION";
    public static final String REDEEM = "REDEEM";

    /** One kind of addition or deduction. */
    public record Item(
            String code, String name, int points, @Nullable Integer yearlyCap) {}

    public RuleSet {
        items = List.copyOf(items);
        if (basePoints < 0 || basePoints > 1000) {
            throw InvalidInputException.of("basePoints", Phrase.of("members.refusal.basePoints"));
        }
        if (floorPoints < 0) {
            throw InvalidInputException.of("floorPoints", Phrase.of("members.refusal.floorPoints"));
        }
        if (noShowPoints > 0 || noShowPoints < -100) {
            throw InvalidInputException.of("noShowPoints", Phrase.of("members.refusal.noShowPoints"));
        }
        if (excellentThreshold < 0 || excellentThreshold > 2000) {
            throw InvalidInputException.of("excellentThreshold", Phrase.of("members.refusal.excellentThreshold"));
        }
        if (items.stream().noneMatch(i -> TASK.equals(i.code()))) {
            throw InvalidInputException.of("items", Phrase.of("members.refusal.taskItemRequired"));
        }
    }

    public Optional<Item> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /**
     * What an item grants now: the requested amount, cut to what is left under the item's yearly cap (a deduction is
     * never cut).
     *
     * @param earnedThisYear what the member already earned under this item this year
     */
    public int grantable(Item item, int requested, int earnedThisYear) {
        if (requested <= 0 || item.yearlyCap() == null) {
            return requested;
        }
        return Math.max(0, Math.min(requested, item.yearlyCap() - earnedThisYear));
    }
}
