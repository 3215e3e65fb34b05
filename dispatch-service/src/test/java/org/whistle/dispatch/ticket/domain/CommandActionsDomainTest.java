package org.whistle.dispatch.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.CO;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.DISPATCHER;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.DISTRICT_CENTRE;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.LATER;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.LEAD;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.NEWCOMER;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.PHOTO;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.STREET_CENTRE;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.inState;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.officerOf;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.raised;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.whistle.events.CommandLevel;
import org.whistle.events.TaskState;
import org.whistle.events.TicketState;
import org.whistle.problems.ConflictException;
import org.whistle.problems.InvalidInputException;

/** The command actions' own rules, beyond the transition table. */
class CommandActionsDomainTest {

    private static final java.time.Instant TOMORROW = LATER.plus(Duration.ofDays(1));

    @Test
    void aSupervisionOrderIsAgainstTheLeadNumberedWithTheEscalationsAndOnlyOrdersCount() {
        var ticket = inState(TicketState.DISPATCHED);
        ticket.raiseLevel(org.whistle.events.ClockKind.REPORT_IN, LEAD, DISTRICT_CENTRE, TicketFixtures.SLA, LATER);

        var order = ticket.supervise(false, CommandLevel.CITY, "限期修复", TOMORROW, DISPATCHER, LATER);
        var reminder = ticket.supervise(true, CommandLevel.DISTRICT, "请尽快", TOMORROW, DISPATCHER, LATER);

        assertThat(order.number()).isEqualTo(2);
        assertThat(order.against()).isEqualTo(LEAD);
        assertThat(order.kind()).isEqualTo(SupervisionOrder.Kind.ORDER);
        assertThat(reminder.kind()).isEqualTo(SupervisionOrder.Kind.REMINDER);
        assertThat(ticket.supervisionOrders().stream().filter(SupervisionOrder::counted))
                .hasSize(2);
        assertThat(ticket.level()).as("an order by hand moves nothing").isEqualTo(CommandLevel.DISTRICT);
        assertThat(ticket.events()).last().isInstanceOf(TicketEvent.Supervised.class);
    }

    @Test
    void aStreetOrALowerLevelDoesNotSuperviseAndTheDeadlineLiesAhead() {
        var ticket = inState(TicketState.FILED);
        ticket.pullUp(DISTRICT_CENTRE, CommandLevel.DISTRICT, "区级统筹", DISPATCHER, LATER);

        assertThatThrownBy(() -> ticket.supervise(false, CommandLevel.STREET, "限期", TOMORROW, DISPATCHER, LATER))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> raised().supervise(false, CommandLevel.STREET, "限期", TOMORROW, DISPATCHER, LATER))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ticket.supervise(false, CommandLevel.DISTRICT, "限期", LATER, DISPATCHER, LATER))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dueBy");
        assertThatThrownBy(() -> ticket.supervise(
                        false, CommandLevel.DISTRICT, "限期", LATER.plus(Duration.ofDays(400)), DISPATCHER, LATER))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("一年");
        assertThat(ticket.supervisionOrders()).isEmpty();
        assertThat(ticket.supervise(false, CommandLevel.DISTRICT, "限期", TOMORROW, DISPATCHER, LATER)
                        .against())
                .as("nobody leads yet: the owning centre answers")
                .isEqualTo(DISTRICT_CENTRE);
    }

    @Test
    void pullsUpOnlyToAHigherLevelAndHandsDownOnlyToALowerOneKeepingTheHistory() {
        var ticket = inState(TicketState.IN_PROGRESS);

        assertThatThrownBy(() -> ticket.handDown(STREET_CENTRE, CommandLevel.STREET, "下派", DISPATCHER, LATER))
                .isInstanceOf(InvalidInputException.class);
        ticket.pullUp(DISTRICT_CENTRE, CommandLevel.DISTRICT, "区级统筹", DISPATCHER, LATER);
        assertThatThrownBy(() -> ticket.pullUp(DISTRICT_CENTRE, CommandLevel.DISTRICT, "再提", DISPATCHER, LATER))
                .isInstanceOf(InvalidInputException.class);
        ticket.handDown(STREET_CENTRE, CommandLevel.STREET, "交街道办理", DISPATCHER, LATER);

        assertThat(ticket.level()).isEqualTo(CommandLevel.STREET);
        assertThat(ticket.state()).as("the units keep working").isEqualTo(TicketState.IN_PROGRESS);
        assertThat(ticket.levelHistory())
                .extracting(LevelAssignment::level)
                .containsExactly(CommandLevel.STREET, CommandLevel.DISTRICT, CommandLevel.STREET);
        assertThat(ticket.events())
                .filteredOn(TicketEvent.Transferred.class::isInstance)
                .hasSize(2);
    }

    @Test
    void withdrawsACoUnitButNeitherTheLeadNorAUnitThatIsDone() {
        var ticket = inState(TicketState.IN_PROGRESS);
        ticket.reportIn(CO, officerOf(CO), LATER);

        assertThatThrownBy(() -> ticket.withdraw(LEAD, "误派", DISPATCHER, LATER))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("改派主办");
        ticket.done(CO, "已处理", List.of(), officerOf(CO), LATER);
        assertThatThrownBy(() -> ticket.withdraw(CO, "误派", DISPATCHER, LATER))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("已办结");
        assertThat(ticket.task(CO)).isPresent();
    }

    @Test
    void replacingTheLeadKeepsACoUnitsProgressAndDropsTheOldLeadsTask() {
        var ticket = inState(TicketState.IN_PROGRESS);
        ticket.reportIn(CO, officerOf(CO), LATER);

        ticket.replaceLead(CO, "改由城管主办", DISPATCHER, LATER);

        assertThat(ticket.task(LEAD)).isEmpty();
        assertThat(ticket.currentLead().orElseThrow().unit()).isEqualTo(CO);
        assertThat(ticket.task(CO).orElseThrow().state()).isEqualTo(TaskState.REPORTED_IN);
        assertThat(ticket.state()).isEqualTo(TicketState.IN_PROGRESS);
        ticket.replaceLead(NEWCOMER, "再改", DISPATCHER, LATER);
        assertThat(ticket.state()).as("nobody left has reported in").isEqualTo(TicketState.DISPATCHED);
        assertThat(ticket.tasks()).extracting(Task::unit).containsExactly(NEWCOMER);
    }

    @Test
    void aLeadThatReportedInReturnsTheTaskAndTheTicketGoesBackToItsCentre() {
        var ticket = inState(TicketState.IN_PROGRESS);

        ticket.decline(LEAD, "现场查看后不属于本单位", officerOf(LEAD), LATER);

        assertThat(ticket.state()).isEqualTo(TicketState.RETURNED);
        assertThat(ticket.task(LEAD).orElseThrow().declineReason()).contains("现场查看后不属于本单位");
    }

    @Test
    void verificationCarriesTheInspectorsPhotos() {
        var ticket = inState(TicketState.RESOLVED);

        ticket.verify("复核属实", List.of(PHOTO), DISPATCHER, LATER);

        var entry = ticket.timeline().entries().getLast();
        assertThat(entry.note()).isEqualTo("复核属实");
        assertThat(entry.evidence()).containsExactly(PHOTO);
    }

    @Test
    void theSurvivorNamesOnlyATicketMergedIntoIt() {
        var survivor = raised();
        var duplicate = raised();
        var stranger = raised();

        assertThatThrownBy(() -> survivor.mergedIn(duplicate, DISPATCHER, LATER))
                .isInstanceOf(InvalidInputException.class);
        duplicate.mergeInto(survivor, DISPATCHER, LATER);
        assertThatThrownBy(() -> stranger.mergedIn(duplicate, DISPATCHER, LATER))
                .isInstanceOf(InvalidInputException.class);
        survivor.mergedIn(duplicate, DISPATCHER, LATER);

        var entry = survivor.timeline().entries().getLast();
        assertThat(entry.action()).isEqualTo(TicketAction.MERGED_IN);
        assertThat(entry.note())
                .contains(duplicate.number().format())
                .contains(duplicate.whistleId().toString());
        assertThat(survivor.state()).isEqualTo(TicketState.RAISED);
    }
}
