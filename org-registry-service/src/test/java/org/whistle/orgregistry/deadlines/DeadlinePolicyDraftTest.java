package org.whistle.orgregistry.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.whistle.events.ClockKind;
import org.whistle.events.DeadlinePolicyChanged.Escalation;
import org.whistle.orgreference.domain.deadlines.DeadlinePolicy;
import org.whistle.problems.Violation;

/** The one check of a deadline policy's fields, which the JSON API and the CSV import both run. */
class DeadlinePolicyDraftTest {

    @Test
    void readsAPolicyWithItsDefaults() {
        var policy = new DeadlinePolicyDraft(
                        "P-1", null, "NORMAL", null, Map.of("FILE", "PT2H", "RESOLVE", " P7D "), null, null, null, " ")
                .toPolicy();

        assertThat(policy.durations())
                .containsEntry(ClockKind.FILE, Duration.ofHours(2))
                .containsEntry(ClockKind.RESOLVE, Duration.ofDays(7));
        assertThat(policy.warningRatio()).isEqualTo(DeadlinePolicy.DEFAULT_WARNING_RATIO);
        assertThat(policy.escalation()).isEqualTo(Escalation.NEXT_LEVEL);
        assertThat(policy.calendarId()).isNull();
    }

    @Test
    void namesEveryBadFieldByItsJsonName() {
        var violations = new ArrayList<Violation>();

        var policy = new DeadlinePolicyDraft(
                        "P-" + "x".repeat(64),
                        "not a code",
                        null,
                        "PROVINCE",
                        Map.of("FILE", "two hours"),
                        null,
                        "SIDEWAYS",
                        List.of("SUSPENDED", "RAINING"),
                        null)
                .toPolicy(violations);

        assertThat(policy).isNull();
        assertThat(violations)
                .extracting(Violation::field)
                .containsExactly(
                        "policyId", "categoryCode", "urgency", "level", "escalation", "durations.FILE", "pauseWhen[1]");
    }
}
