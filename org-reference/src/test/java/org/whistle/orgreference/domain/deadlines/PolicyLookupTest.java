package org.whistle.orgreference.domain.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.DeadlinePolicyChanged.Escalation;
import org.whistle.events.Urgency;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.deadlines.PolicyLookup.Specificity;

class PolicyLookupTest {

    private static final CategoryCode ROAD = new CategoryCode("ROAD");
    private static final CategoryCode POTHOLE = new CategoryCode("ROAD-POTHOLE");

    private final DeadlinePolicy anyAny = policy("ANY-ANY", null, null);
    private final DeadlinePolicy anyStreet = policy("ANY-STREET", null, CommandLevel.STREET);
    private final DeadlinePolicy mainAny = policy("MAIN-ANY", ROAD, null);
    private final DeadlinePolicy mainStreet = policy("MAIN-STREET", ROAD, CommandLevel.STREET);
    private final DeadlinePolicy subAny = policy("SUB-ANY", POTHOLE, null);
    private final DeadlinePolicy subStreet = policy("SUB-STREET", POTHOLE, CommandLevel.STREET);

    @Test
    void prefersTheCategoryItselfThenItsMainCategoryThenAnyCategoryEachWithTheExactLevelFirst() {
        assertThat(chosen(anyAny, anyStreet, mainAny, mainStreet, subAny, subStreet))
                .isEqualTo(Specificity.CATEGORY_AND_LEVEL);
        assertThat(chosen(anyAny, anyStreet, mainAny, mainStreet, subAny)).isEqualTo(Specificity.CATEGORY_ANY_LEVEL);
        assertThat(chosen(anyAny, anyStreet, mainAny, mainStreet)).isEqualTo(Specificity.MAIN_CATEGORY_AND_LEVEL);
        assertThat(chosen(anyAny, anyStreet, mainAny)).isEqualTo(Specificity.MAIN_CATEGORY_ANY_LEVEL);
        assertThat(chosen(anyAny, anyStreet)).isEqualTo(Specificity.ANY_CATEGORY_AND_LEVEL);
        assertThat(chosen(anyAny)).isEqualTo(Specificity.ANY_CATEGORY_ANY_LEVEL);
    }

    @Test
    void prefersAMoreSpecificCategoryToAnExactLevel() {
        var match = PolicyLookup.find(Set.of(subAny, mainStreet), POTHOLE, ROAD, Urgency.NORMAL, CommandLevel.STREET)
                .orElseThrow();

        assertThat(match.policy()).isEqualTo(subAny);
    }

    @Test
    void findsOnlyAnyLevelPoliciesWhenNoLevelIsGiven() {
        var match = PolicyLookup.find(Set.of(subStreet, mainAny), POTHOLE, ROAD, Urgency.NORMAL, null)
                .orElseThrow();

        assertThat(match.policy()).isEqualTo(mainAny);
    }

    @Test
    void findsNothingForAnotherUrgencyLevelOrCategoryOrWhenRetired() {
        var urgent = new DeadlinePolicy(
                new PolicyId("URGENT"),
                null,
                Urgency.URGENT,
                null,
                durations(),
                0.8,
                Escalation.NEXT_LEVEL,
                Set.of(),
                null,
                true,
                1);
        var otherCategory = policy("WATER", new CategoryCode("WATER"), null);
        var districtOnly = policy("DISTRICT", POTHOLE, CommandLevel.DISTRICT);
        var retired = anyAny.withActive(false);

        assertThat(PolicyLookup.find(
                        Set.of(urgent, otherCategory, districtOnly, retired),
                        POTHOLE,
                        ROAD,
                        Urgency.NORMAL,
                        CommandLevel.STREET))
                .isEmpty();
    }

    @Test
    void requiresEveryClockAPositiveDurationAndARatioStrictlyBetweenZeroAndOne() {
        var missing = new EnumMap<ClockKind, Duration>(durations());
        missing.remove(ClockKind.VERIFY);
        missing.put(ClockKind.FILE, Duration.ZERO);
        var policy = new DeadlinePolicy(
                new PolicyId("BAD"),
                null,
                Urgency.NORMAL,
                null,
                missing,
                1.0,
                Escalation.CITY,
                Set.of(),
                null,
                true,
                0);

        assertThat(policy.violations())
                .extracting(v -> v.field())
                .containsExactlyInAnyOrder("durations.FILE", "durations.VERIFY", "warningRatio");
    }

    private Specificity chosen(DeadlinePolicy... policies) {
        return PolicyLookup.find(Arrays.asList(policies), POTHOLE, ROAD, Urgency.NORMAL, CommandLevel.STREET)
                .orElseThrow()
                .specificity();
    }

    private static DeadlinePolicy policy(String id, @Nullable CategoryCode category, @Nullable CommandLevel level) {
        return new DeadlinePolicy(
                new PolicyId(id),
                category,
                Urgency.NORMAL,
                level,
                durations(),
                0.8,
                Escalation.NEXT_LEVEL,
                Set.of(PauseCondition.SUSPENDED),
                null,
                true,
                1);
    }

    private static EnumMap<ClockKind, Duration> durations() {
        var durations = new EnumMap<ClockKind, Duration>(ClockKind.class);
        for (var clock : ClockKind.values()) {
            durations.put(clock, Duration.ofHours(2));
        }
        return durations;
    }
}
