package org.whistle.dispatch.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleClosed.Outcome;
import org.whistle.orgreference.domain.routing.UnitCode;
import org.whistle.texts.Phrase;

class PoliciesTest {

    private static final UnitCode A = UnitCode.of("QQ-A");
    private static final UnitCode B = UnitCode.of("QQ-B");
    private static final Instant CLOSED_AT = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void summonPolicyAllowsALeadAmongDistinctNewUnits() {
        assertThat(SummonPolicy.check(Optional.empty(), Set.of(), A, List.of(A, B)))
                .isEqualTo(Decision.ALLOWED);
        assertThat(SummonPolicy.check(Optional.of(A), Set.of(A), null, List.of(B)))
                .isEqualTo(Decision.ALLOWED);
    }

    @Test
    void summonPolicyRejectsEachBrokenRuleNamingTheField() {
        assertThat(SummonPolicy.check(Optional.empty(), Set.of(), A, List.of()))
                .isEqualTo(Decision.rejected("units", Phrase.of("dispatch.refusal.summon.none")));
        assertThat(SummonPolicy.check(Optional.empty(), Set.of(), A, List.of(A, A)))
                .isInstanceOfSatisfying(
                        Decision.Rejected.class, r -> assertThat(r.field()).isEqualTo("units"));
        assertThat(SummonPolicy.check(Optional.of(A), Set.of(A), null, List.of(A)))
                .isInstanceOfSatisfying(
                        Decision.Conflicting.class,
                        r -> assertThat(r.reason().toString()).contains("已被召集"));
        assertThat(SummonPolicy.check(Optional.empty(), Set.of(), A, List.of(B)))
                .isInstanceOfSatisfying(
                        Decision.Rejected.class,
                        r -> assertThat(r.reason().key()).isEqualTo("dispatch.refusal.summon.leadAmong"));
        assertThat(SummonPolicy.check(Optional.empty(), Set.of(), null, List.of(B)))
                .isInstanceOfSatisfying(
                        Decision.Rejected.class, r -> assertThat(r.field()).isEqualTo("lead"));
        assertThat(SummonPolicy.check(Optional.of(A), Set.of(A), B, List.of(B)))
                .isInstanceOfSatisfying(
                        Decision.Conflicting.class,
                        r -> assertThat(r.reason().toString()).contains("已有主办单位"));
    }

    @Test
    void summonPolicyLetsADeclinedUnitBeSummonedAgain() {
        assertThat(SummonPolicy.check(Optional.empty(), Set.of(), A, List.of(A)))
                .isEqualTo(Decision.ALLOWED);
    }

    private static final ExtensionPolicy TWO_OF_THREE_DAYS = new ExtensionPolicy(2, Duration.ofDays(3));

    @Test
    void extensionPolicyUsesTheConfiguredLimits() {
        assertThat(TWO_OF_THREE_DAYS.check(ClockKind.RESOLVE, Duration.ofDays(3), 1, false))
                .isEqualTo(Decision.ALLOWED);
        assertThat(TWO_OF_THREE_DAYS.check(ClockKind.RESOLVE, Duration.ofDays(3).plusSeconds(1), 0, false))
                .isInstanceOfSatisfying(
                        Decision.Rejected.class, r -> assertThat(r.field()).isEqualTo("extraTime"));
        assertThat(TWO_OF_THREE_DAYS.check(ClockKind.RESOLVE, Duration.ofDays(1), 2, false))
                .isInstanceOfSatisfying(
                        Decision.Rejected.class,
                        r -> assertThat(r.reason().toString()).contains("最多延期 2 次"));
        assertThat(TWO_OF_THREE_DAYS.check(ClockKind.RESOLVE, Duration.ofDays(1), 1, true))
                .isInstanceOfSatisfying(
                        Decision.Rejected.class,
                        r -> assertThat(r.reason().toString()).contains("待审批"));
        assertThat(TWO_OF_THREE_DAYS.check(ClockKind.RESOLVE, Duration.ZERO, 0, false))
                .isInstanceOfSatisfying(
                        Decision.Rejected.class, r -> assertThat(r.field()).isEqualTo("extraTime"));
        assertThat(new ExtensionPolicy(0, Duration.ofDays(3)).check(ClockKind.RESOLVE, Duration.ofDays(1), 0, false))
                .isInstanceOf(Decision.Rejected.class);
    }

    @ParameterizedTest
    @EnumSource(
            value = ClockKind.class,
            names = {"FILE", "REPORT_IN", "VERIFY", "FOLLOW_UP"})
    void extensionPolicyKeepsCentreClocksAndReportInOutOfAUnitsReach(ClockKind clock) {
        assertThat(TWO_OF_THREE_DAYS.check(clock, Duration.ofHours(1), 0, false))
                .isInstanceOfSatisfying(
                        Decision.Rejected.class, r -> assertThat(r.field()).isEqualTo("clock"));
    }

    @Test
    void reopenPolicyAllowsReopeningWithinTheWindowOnly() {
        var policy = ReopenPolicy.withinDays(7);
        assertThat(policy.check(TicketState.CLOSED, CLOSED_AT, CLOSED_AT.plus(Duration.ofDays(7))))
                .isEqualTo(Decision.ALLOWED);
        assertThat(policy.check(
                        TicketState.CLOSED,
                        CLOSED_AT,
                        CLOSED_AT.plus(Duration.ofDays(7)).plusSeconds(1)))
                .isInstanceOf(Decision.Rejected.class);
        assertThat(policy.check(TicketState.RESOLVED, null, CLOSED_AT)).isEqualTo(Decision.ALLOWED);
        assertThat(policy.check(TicketState.VERIFIED, null, CLOSED_AT)).isEqualTo(Decision.ALLOWED);
        assertThat(policy.check(TicketState.IN_PROGRESS, null, CLOSED_AT)).isInstanceOf(Decision.Rejected.class);
        assertThat(policy.check(TicketState.REJECTED, CLOSED_AT, CLOSED_AT)).isInstanceOf(Decision.Rejected.class);
    }

    @Test
    void autoClosePolicyClosesAVerifiedTicketAsNoAnswerWhenTheFollowUpExpires() {
        assertThat(AutoClosePolicy.onExpiry(ClockKind.FOLLOW_UP, TicketState.VERIFIED))
                .isEqualTo(new AutoClosePolicy.Verdict.Close(Outcome.NO_ANSWER));
    }

    @Test
    void autoClosePolicyLeavesEverythingElseOpen() {
        assertThat(AutoClosePolicy.onExpiry(ClockKind.FOLLOW_UP, TicketState.RESOLVED))
                .isInstanceOf(AutoClosePolicy.Verdict.Leave.class);
        assertThat(AutoClosePolicy.onExpiry(ClockKind.RESOLVE, TicketState.VERIFIED))
                .isInstanceOf(AutoClosePolicy.Verdict.Leave.class);
    }

    @Test
    void autoClosePolicyVerdictClosesTheTicket() {
        var ticket = TicketFixtures.inState(TicketState.VERIFIED);
        if (AutoClosePolicy.onExpiry(ClockKind.FOLLOW_UP, ticket.state())
                instanceof AutoClosePolicy.Verdict.Close(var outcome)) {
            ticket.close(outcome, TicketFixtures.SLA, TicketFixtures.LATER);
        }
        assertThat(ticket.outcome()).contains(Outcome.NO_ANSWER);
    }

    @Test
    void escalationPolicyClimbsStreetDistrictCityThenRedLists() {
        assertThat(EscalationPolicy.onExpiry(CommandLevel.STREET))
                .isEqualTo(new EscalationPolicy.Step.RaiseTo(CommandLevel.DISTRICT));
        assertThat(EscalationPolicy.onExpiry(CommandLevel.DISTRICT))
                .isEqualTo(new EscalationPolicy.Step.RaiseTo(CommandLevel.CITY));
        assertThat(EscalationPolicy.onExpiry(CommandLevel.CITY)).isEqualTo(new EscalationPolicy.Step.RedList());
    }
}
