package org.whistle.dispatch.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.LATER;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.LEAD;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.PHOTO;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.REOPEN_WITHIN_30_DAYS;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.inState;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.officerOf;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.whistle.events.Actor;
import org.whistle.events.Rating;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleClosed.Outcome;

/** A follow-up (回访) counts once per round; a round is one resolution, a reopen starts the next. */
class FollowUpRoundTest {

    private static final Actor INTAKE = Actor.system("intake-service");
    private static final Actor CENTRE = new Actor("u-centre", "QQ-230225-GNZ-ZHZX", "STREET_DISPATCHER");

    @Test
    void closesAVerifiedTicketOnTheFirstSatisfiedAnswerAndIgnoresASecondAnswerOfTheRound() {
        var ticket = inState(TicketState.VERIFIED);

        assertThat(ticket.followUp(answer(true, null), REOPEN_WITHIN_30_DAYS, INTAKE, LATER))
                .isTrue();
        assertThat(ticket.followUp(answer(false, null), REOPEN_WITHIN_30_DAYS, INTAKE, LATER.plusSeconds(60)))
                .isFalse();

        assertThat(ticket.state()).isEqualTo(TicketState.CLOSED);
        assertThat(ticket.outcome()).contains(Outcome.RESOLVED);
        assertThat(ticket.reopenCount()).isZero();
        assertThat(actions(ticket))
                .endsWith(TicketAction.FOLLOW_UP_RESOLVED, TicketAction.CLOSE, TicketAction.FOLLOW_UP_IGNORED);
    }

    @Test
    void closesOnVerificationWhenTheReporterSaidItIsFixedBeforeIt() {
        var ticket = inState(TicketState.RESOLVED);
        ticket.followUp(answer(true, null), REOPEN_WITHIN_30_DAYS, INTAKE, LATER);
        assertThat(ticket.state()).as("not verified yet: nothing closes").isEqualTo(TicketState.RESOLVED);

        ticket.verify(TicketFixtures.DISPATCHER, LATER.plusSeconds(60));

        assertThat(ticket.state()).isEqualTo(TicketState.CLOSED);
        assertThat(ticket.outcome()).contains(Outcome.RESOLVED);
        assertThat(actions(ticket))
                .endsWith(TicketAction.FOLLOW_UP_RESOLVED, TicketAction.VERIFY_PASS, TicketAction.CLOSE);
        assertThat(ticket.timeline().entries().getLast().actor()).isEqualTo(Ticket.PLATFORM);
        assertThat(ticket.events()).last().isInstanceOf(TicketEvent.Closed.class);
    }

    @Test
    void staysVerifiedWhenNoAnswerCameBeforeVerification() {
        var ticket = inState(TicketState.RESOLVED);

        ticket.verify(TicketFixtures.DISPATCHER, LATER);

        assertThat(ticket.state()).isEqualTo(TicketState.VERIFIED);
    }

    @Test
    void reopensOnceForTwoNotFixedAnswers() {
        var ticket = inState(TicketState.RESOLVED);

        ticket.followUp(answer(false, null), REOPEN_WITHIN_30_DAYS, INTAKE, LATER);
        ticket.followUp(answer(false, null), REOPEN_WITHIN_30_DAYS, INTAKE, LATER.plusSeconds(60));

        assertThat(ticket.reopenCount()).isEqualTo(1);
        assertThat(ticket.state()).isEqualTo(TicketState.IN_PROGRESS);
        assertThat(ticket.timeline().entries().getLast().note()).contains("新一轮尚未办结");
    }

    @Test
    void countsTheFirstAnswerOfTheNextRoundAfterTheLeadIsDoneAgain() {
        var ticket = inState(TicketState.VERIFIED);
        ticket.followUp(answer(false, null), REOPEN_WITHIN_30_DAYS, INTAKE, LATER);
        ticket.done(LEAD, "重新修补", List.of(PHOTO), officerOf(LEAD), LATER.plusSeconds(60));

        assertThat(ticket.followUp(answer(true, null), REOPEN_WITHIN_30_DAYS, INTAKE, LATER.plusSeconds(120)))
                .isTrue();

        assertThat(ticket.resolvedThisRound()).as("verification will close it").isTrue();
    }

    @Test
    void recordsAPhoneFollowUpWithTheRecorderAsActorAndSaysSo() {
        var ticket = inState(TicketState.VERIFIED);

        ticket.followUp(answer(true, CENTRE), REOPEN_WITHIN_30_DAYS, INTAKE, LATER);

        var entry = ticket.timeline().entries().get(ticket.timeline().size() - 2);
        assertThat(entry.action()).isEqualTo(TicketAction.FOLLOW_UP_RESOLVED);
        assertThat(entry.actor()).isEqualTo(CENTRE);
        assertThat(entry.note()).startsWith("电话回访");
        assertThat(FollowUpRoundPolicy.byPhone(entry)).isTrue();
        assertThat(ticket.timeline().entries().getLast().actor())
                .as("who closed it")
                .isEqualTo(CENTRE);
    }

    @Test
    void countsButDoesNotReopenANotFixedAnswerAfterTheReopenWindow() {
        var ticket = inState(TicketState.CLOSED);
        var late = ticket.closedAt().orElseThrow().plus(Duration.ofDays(31));

        assertThat(ticket.followUp(
                        new FollowUpAnswer(Rating.DISSATISFIED, false, "晚了", null, late),
                        REOPEN_WITHIN_30_DAYS,
                        INTAKE,
                        late))
                .isTrue();

        assertThat(ticket.state()).isEqualTo(TicketState.CLOSED);
        assertThat(ticket.timeline().entries().getLast().note()).contains("不再返工");
    }

    @Test
    void ignoresAnAnswerWhileNothingIsResolved() {
        var ticket = inState(TicketState.IN_PROGRESS);

        assertThat(ticket.followUp(answer(true, null), REOPEN_WITHIN_30_DAYS, INTAKE, LATER))
                .isFalse();
        assertThat(ticket.state()).isEqualTo(TicketState.IN_PROGRESS);
        assertThat(ticket.timeline().entries().getLast().action()).isEqualTo(TicketAction.FOLLOW_UP_IGNORED);
        assertThat(ticket.timeline().entries().getLast().actor()).isEqualTo(INTAKE);
    }

    private static FollowUpAnswer answer(boolean resolved, @org.jspecify.annotations.Nullable Actor recordedBy) {
        return new FollowUpAnswer(resolved ? Rating.SATISFIED : Rating.DISSATISFIED, resolved, null, recordedBy, LATER);
    }

    private static List<TicketAction> actions(Ticket ticket) {
        return ticket.timeline().entries().stream().map(TimelineEntry::action).toList();
    }
}
