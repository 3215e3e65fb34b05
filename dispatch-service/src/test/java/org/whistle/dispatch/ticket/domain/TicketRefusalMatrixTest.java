package org.whistle.dispatch.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.CO;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.DISPATCHER;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.DISTRICT_CENTRE;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.EXTENSIONS;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.LATER;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.LEAD;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.NEWCOMER;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.OTHER_STREET_CENTRE;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.PHOTO;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.REOPEN_WITHIN_30_DAYS;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.inState;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.officerOf;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.TaskState;
import org.whistle.events.TicketState;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleClosed.Outcome;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.routing.UnitCode;
import org.whistle.problems.ConflictException;
import org.whistle.texts.Catalogue;
import org.whistle.texts.PlainText;

/**
 * Proves the transition table: every action in every ticket state it does not list is refused with a conflict naming
 * that state and changes nothing; every command-centre action in every state it lists goes through; every unit action
 * on a task in a state it does not list is refused naming the task's state.
 */
class TicketRefusalMatrixTest {

    /** Each action with valid input, performed by the unit {@code u} where it is a unit action. */
    private static final Map<TicketAction, BiConsumer<Ticket, UnitCode>> ACTIONS = new EnumMap<>(TicketAction.class);

    static {
        ACTIONS.put(TicketAction.FILE, (t, u) -> t.file(DISPATCHER, LATER));
        ACTIONS.put(TicketAction.REJECT, (t, u) -> t.reject("spam", DISPATCHER, LATER));
        ACTIONS.put(TicketAction.MERGE, (t, u) -> t.mergeInto(TicketFixtures.raised(), DISPATCHER, LATER));
        ACTIONS.put(
                TicketAction.SET_PRIORITY,
                (t, u) -> t.setPriority(
                        t.priority() == Urgency.URGENT ? Urgency.NORMAL : Urgency.URGENT, DISPATCHER, LATER));
        ACTIONS.put(
                TicketAction.RECATEGORISE,
                (t, u) -> t.recategorise(CategoryCode.of("STREET-LIGHT"), DISPATCHER, LATER));
        ACTIONS.put(
                TicketAction.SUMMON,
                (t, u) ->
                        t.summon(t.currentLead().isPresent() ? null : NEWCOMER, List.of(NEWCOMER), DISPATCHER, LATER));
        ACTIONS.put(
                TicketAction.TRANSFER,
                (t, u) -> t.transfer(OTHER_STREET_CENTRE, CommandLevel.STREET, "wrong grid", DISPATCHER, LATER));
        ACTIONS.put(TicketAction.APPROVE_EXTENSION, (t, u) -> t.approveExtension(u, DISPATCHER, LATER));
        ACTIONS.put(TicketAction.REFUSE_EXTENSION, (t, u) -> t.refuseExtension(u, "no", DISPATCHER, LATER));
        ACTIONS.put(TicketAction.SUSPEND, (t, u) -> t.suspend("waiting", DISPATCHER, LATER));
        ACTIONS.put(TicketAction.RESUME, (t, u) -> t.resume(DISPATCHER, LATER));
        ACTIONS.put(TicketAction.VERIFY_PASS, (t, u) -> t.verify(DISPATCHER, LATER));
        ACTIONS.put(TicketAction.VERIFY_FAIL, (t, u) -> t.failVerification("still broken", DISPATCHER, LATER));
        ACTIONS.put(TicketAction.CLOSE, (t, u) -> t.close(Outcome.RESOLVED, DISPATCHER, LATER));
        ACTIONS.put(TicketAction.REOPEN, (t, u) -> t.reopen("not fixed", REOPEN_WITHIN_30_DAYS, DISPATCHER, LATER));
        ACTIONS.put(
                TicketAction.RAISE_LEVEL,
                (t, u) -> t.raiseLevel(ClockKind.FILE, null, DISTRICT_CENTRE, TicketFixtures.SLA, LATER));
        ACTIONS.put(
                TicketAction.SUPERVISE,
                (t, u) -> t.supervise(
                        false, CommandLevel.CITY, "限期修复", LATER.plus(Duration.ofDays(1)), DISPATCHER, LATER));
        ACTIONS.put(
                TicketAction.REMIND,
                (t, u) ->
                        t.supervise(true, CommandLevel.CITY, "请尽快", LATER.plus(Duration.ofDays(1)), DISPATCHER, LATER));
        ACTIONS.put(
                TicketAction.PULL_UP,
                (t, u) -> t.pullUp(DISTRICT_CENTRE, CommandLevel.DISTRICT, "区级统筹", DISPATCHER, LATER));
        ACTIONS.put(TicketAction.WITHDRAW_UNIT, (t, u) -> t.withdraw(CO, "误派", DISPATCHER, LATER));
        ACTIONS.put(TicketAction.REPLACE_LEAD, (t, u) -> t.replaceLead(NEWCOMER, "改派", DISPATCHER, LATER));
        ACTIONS.put(TicketAction.REPORT_IN, (t, u) -> t.reportIn(u, officerOf(u), LATER));
        ACTIONS.put(TicketAction.ON_SITE, (t, u) -> t.onSite(u, officerOf(u), LATER));
        ACTIONS.put(TicketAction.PROGRESS, (t, u) -> t.progress(u, "digging", List.of(), officerOf(u), LATER));
        ACTIONS.put(TicketAction.CONTACTED_REPORTER, (t, u) -> t.contactedReporter(u, null, officerOf(u), LATER));
        ACTIONS.put(TicketAction.DONE, (t, u) -> t.done(u, "done", List.of(PHOTO), officerOf(u), LATER));
        ACTIONS.put(TicketAction.DECLINE, (t, u) -> t.decline(u, "not ours", officerOf(u), LATER));
        ACTIONS.put(
                TicketAction.REQUEST_EXTENSION,
                (t, u) -> t.requestExtension(
                        u,
                        ClockKind.RESOLVE,
                        Duration.ofDays(1),
                        "asphalt plant closed",
                        EXTENSIONS,
                        officerOf(u),
                        LATER));
    }

    static Stream<Arguments> refusedPairs() {
        return Arrays.stream(TicketState.values())
                .flatMap(state -> ACTIONS.keySet().stream()
                        .filter(action -> !TicketTransitions.allows(action, state))
                        .map(action -> Arguments.of(state, action)));
    }

    @ParameterizedTest(name = "{1} is refused when the ticket is {0}")
    @MethodSource("refusedPairs")
    void refusesEveryActionTheTableDoesNotListForTheState(TicketState state, TicketAction action) {
        var ticket = inState(state);
        var revision = ticket.revision();
        var timeline = ticket.timeline().size();

        assertThatThrownBy(() -> ACTIONS.get(action).accept(ticket, LEAD))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(Catalogue.chinese().name("dispatch.act", action))
                .hasMessageContaining(Catalogue.chinese().name("ticket.state", state))
                .satisfies(refusal ->
                        assertThat(PlainText.offences(refusal.getMessage())).isEmpty())
                .satisfies(refusal -> assertThat(((ConflictException) refusal).reason(Catalogue.english()))
                        .contains(Catalogue.english().name("dispatch.act", action)));

        assertThat(ticket.state()).isEqualTo(state);
        assertThat(ticket.revision()).isEqualTo(revision);
        assertThat(ticket.timeline().size()).isEqualTo(timeline);
        assertThat(ticket.events()).isEmpty();
    }

    static Stream<Arguments> allowedCentrePairs() {
        return Arrays.stream(TicketState.values())
                .flatMap(state -> ACTIONS.keySet().stream()
                        .filter(action -> action.side() == TicketAction.Side.CENTRE)
                        .filter(action -> TicketTransitions.allows(action, state))
                        .map(action -> Arguments.of(state, action)));
    }

    @ParameterizedTest(name = "{1} goes through when the ticket is {0}")
    @MethodSource("allowedCentrePairs")
    void performsEveryCentreActionTheTableListsForTheState(TicketState state, TicketAction action) {
        var ticket = inState(state);
        if (action == TicketAction.APPROVE_EXTENSION || action == TicketAction.REFUSE_EXTENSION) {
            ACTIONS.get(TicketAction.REQUEST_EXTENSION).accept(ticket, LEAD);
            ticket.clearEvents();
        }
        var revision = ticket.revision();

        ACTIONS.get(action).accept(ticket, LEAD);

        assertThat(ticket.revision()).isEqualTo(revision + 1);
        assertThat(ticket.events()).hasSize(1);
        assertThat(ticket.timeline().entries().getLast().action()).isEqualTo(action);
        assertThat(ticket.timeline().entries().getLast().stateBefore()).isEqualTo(state);
    }

    /**
     * One IN_PROGRESS ticket holding a task in each task state: {@link TicketFixtures#LEAD} REPORTED_IN, {@code CO}
     * SUMMONED, and three more units ON_SITE, DONE and DECLINED.
     */
    private static final UnitCode ON_SITE_UNIT = UnitCode.of("QQ-U-ONSITE");

    private static final UnitCode DONE_UNIT = UnitCode.of("QQ-U-DONE");
    private static final UnitCode DECLINED_UNIT = UnitCode.of("QQ-U-DECLINED");

    private static Ticket withEveryTaskState() {
        var t = inState(TicketState.IN_PROGRESS);
        t.summon(null, List.of(ON_SITE_UNIT, DONE_UNIT, DECLINED_UNIT), DISPATCHER, LATER);
        t.reportIn(ON_SITE_UNIT, officerOf(ON_SITE_UNIT), LATER);
        t.onSite(ON_SITE_UNIT, officerOf(ON_SITE_UNIT), LATER);
        t.reportIn(DONE_UNIT, officerOf(DONE_UNIT), LATER);
        t.done(DONE_UNIT, null, List.of(), officerOf(DONE_UNIT), LATER);
        t.decline(DECLINED_UNIT, "not ours", officerOf(DECLINED_UNIT), LATER);
        t.clearEvents();
        return t;
    }

    private static UnitCode unitIn(TaskState state) {
        return switch (state) {
            case SUMMONED -> CO;
            case REPORTED_IN -> LEAD;
            case ON_SITE -> ON_SITE_UNIT;
            case DONE -> DONE_UNIT;
            case DECLINED -> DECLINED_UNIT;
        };
    }

    static Stream<Arguments> refusedTaskPairs() {
        return Arrays.stream(TaskState.values())
                .flatMap(taskState -> ACTIONS.keySet().stream()
                        .filter(action -> action.side() == TicketAction.Side.UNIT)
                        .filter(action ->
                                !TicketTransitions.allowedTaskStates(action).contains(taskState))
                        .map(action -> Arguments.of(taskState, action)));
    }

    @ParameterizedTest(name = "{1} is refused when the task is {0}")
    @MethodSource("refusedTaskPairs")
    void refusesEveryUnitActionOnATaskInAStateTheTableDoesNotList(TaskState taskState, TicketAction action) {
        var ticket = withEveryTaskState();
        var unit = unitIn(taskState);
        assertThat(ticket.task(unit).orElseThrow().state()).isEqualTo(taskState);
        var revision = ticket.revision();

        assertThatThrownBy(() -> ACTIONS.get(action).accept(ticket, unit))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("该单位的任务" + Catalogue.chinese().name("task.state", taskState))
                .hasMessageContaining("处理中")
                .satisfies(refusal ->
                        assertThat(PlainText.offences(refusal.getMessage())).isEmpty());
        assertThat(ticket.revision()).isEqualTo(revision);
    }

    static Stream<Arguments> allowedTaskPairs() {
        return Arrays.stream(TaskState.values())
                .flatMap(taskState -> ACTIONS.keySet().stream()
                        .filter(action -> action.side() == TicketAction.Side.UNIT)
                        .filter(action ->
                                TicketTransitions.allowedTaskStates(action).contains(taskState))
                        .map(action -> Arguments.of(taskState, action)));
    }

    @ParameterizedTest(name = "{1} goes through when the task is {0}")
    @MethodSource("allowedTaskPairs")
    void performsEveryUnitActionTheTableListsForTheTaskState(TaskState taskState, TicketAction action) {
        var ticket = withEveryTaskState();
        var unit = unitIn(taskState);
        var revision = ticket.revision();

        var leads = ticket.task(unit).orElseThrow().lead();

        ACTIONS.get(action).accept(ticket, unit);

        // A lead returning its task leaves nobody to lead: the ticket goes back to its centre, a second change.
        var returns = action == TicketAction.DECLINE && leads;
        assertThat(ticket.revision()).isEqualTo(revision + (returns ? 2 : 1));
        assertThat(ticket.timeline().entries().get((int) revision).unit()).isEqualTo(unit);
    }

    @ParameterizedTest(name = "{0} by a unit that was never summoned is refused")
    @MethodSource("unitActions")
    void refusesUnitActionsByAUnitThatWasNeverSummoned(TicketAction action) {
        var ticket = inState(TicketState.IN_PROGRESS);

        assertThatThrownBy(() -> ACTIONS.get(action).accept(ticket, NEWCOMER))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("该单位未被召集到本工单")
                .hasMessageContaining("处理中");
    }

    static Stream<TicketAction> unitActions() {
        return ACTIONS.keySet().stream().filter(a -> a.side() == TicketAction.Side.UNIT);
    }
}
