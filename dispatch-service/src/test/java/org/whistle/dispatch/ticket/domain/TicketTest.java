package org.whistle.dispatch.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.CITY_CENTRE;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.CO;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.DISPATCHER;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.DISTRICT_CENTRE;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.EXTENSIONS;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.GRID_WORKER;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.LATER;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.LEAD;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.NEWCOMER;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.OTHER_STREET_CENTRE;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.PHOTO;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.REOPEN_WITHIN_30_DAYS;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.ROAD_DAMAGE;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.SLA;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.STREET_CENTRE;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.T0;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.inState;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.officerOf;
import static org.whistle.dispatch.ticket.domain.TicketFixtures.raised;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.TaskState;
import org.whistle.events.TicketId;
import org.whistle.events.TicketState;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleClosed.Outcome;
import org.whistle.events.WhistleId;
import org.whistle.events.WhistleReported.Report;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.problems.ConflictException;
import org.whistle.problems.InvalidInputException;

class TicketTest {

    private static <T extends TicketEvent> T onlyEvent(Ticket ticket, Class<T> type) {
        assertThat(ticket.events()).hasSize(1);
        return type.cast(
                assertThat(ticket.events().getFirst()).isInstanceOf(type).actual());
    }

    private static void assertInvalid(Runnable action, String field) {
        assertThatThrownBy(action::run)
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations())
                        .anySatisfy(v -> assertThat(v.field()).isEqualTo(field)));
    }

    /** Timeline notes are read by people: Chinese, names of values, no enum or ISO text; unit codes the pages name. */
    @Nested
    class Notes {

        @Test
        void sayWhatHappenedInPlainChineseLeavingOnlyUnitCodesForThePagesToName() {
            var ticket = inState(TicketState.FILED);
            ticket.setPriority(Urgency.NORMAL, DISPATCHER, LATER);
            ticket.summon(LEAD, List.of(LEAD, CO), DISPATCHER, LATER);
            ticket.reportIn(LEAD, officerOf(LEAD), LATER);
            ticket.requestExtension(
                    LEAD, ClockKind.RESOLVE, Duration.ofDays(2), "沥青厂停工", EXTENSIONS, officerOf(LEAD), LATER);
            ticket.approveExtension(LEAD, DISPATCHER, LATER);
            ticket.raiseLevel(ClockKind.RESOLVE, LEAD, DISTRICT_CENTRE, SLA, LATER);
            ticket.raiseLevel(ClockKind.RESOLVE, LEAD, CITY_CENTRE, SLA, LATER);
            ticket.raiseLevel(ClockKind.RESOLVE, LEAD, null, SLA, LATER);
            var closed = inState(TicketState.VERIFIED);
            closed.close(Outcome.RESOLVED, DISPATCHER, LATER);

            var notes = java.util.stream.Stream.concat(
                            ticket.timeline().entries().stream(), closed.timeline().entries().stream())
                    .map(TimelineEntry::note)
                    .filter(java.util.Objects::nonNull)
                    .toList();
            assertThat(notes)
                    .contains(
                            "紧急程度由紧急改为一般",
                            "QQ-230225-ZJJ-LZG（主办）、QQ-230225-CGJ",
                            "办结时限延长 48 小时",
                            "办结时限超期：由街道升级至县区，对 QQ-230225-ZJJ-LZG 发出督办",
                            "办结时限在市超期：QQ-230225-ZJJ-LZG 列入黑榜通报",
                            "结案：已解决；1 个协办单位尚未报到，召集随结案了结");
            for (var note : notes) {
                assertThat(org.whistle.texts.PlainText.offences(note))
                        .as(note)
                        .allSatisfy(offence -> assertThat(offence).startsWith("unit code"));
            }
        }
    }

    @Nested
    class Raising {

        @Test
        void startsRaisedAtTheStreetCentreWithRevisionOne() {
            var ticket = raised();

            assertThat(ticket.state()).isEqualTo(TicketState.RAISED);
            assertThat(ticket.level()).isEqualTo(CommandLevel.STREET);
            assertThat(ticket.owningCentre()).isEqualTo(STREET_CENTRE);
            assertThat(ticket.revision()).isEqualTo(1);
            assertThat(ticket.timeline().entries()).singleElement().satisfies(e -> {
                assertThat(e.action()).isEqualTo(TicketAction.RAISE);
                assertThat(e.stateBefore()).isNull();
                assertThat(e.stateAfter()).isEqualTo(TicketState.RAISED);
                assertThat(e.previousHash()).isEqualTo(TimelineEntry.GENESIS);
            });
            var event = onlyEvent(ticket, TicketEvent.Raised.class);
            assertThat(event.change().revision()).isEqualTo(1);
            assertThat(event.ticketNumber()).startsWith("QQHR-20260521-");
        }

        @Test
        void fallsBackToTheDistrictWhenNoStreetCentreIsGiven() {
            var ticket = Ticket.raise(
                    TicketId.of(UUID.randomUUID().toString()),
                    WhistleId.of(UUID.randomUUID().toString()),
                    TicketNumber.issue("QQHR", T0, 7),
                    ROAD_DAMAGE,
                    Urgency.NORMAL,
                    null,
                    DISTRICT_CENTRE,
                    GRID_WORKER,
                    T0);

            assertThat(ticket.level()).isEqualTo(CommandLevel.DISTRICT);
            assertThat(ticket.owningCentre()).isEqualTo(DISTRICT_CENTRE);
            assertThat(ticket.timeline().entries().getFirst().note()).contains("兜底");
        }
    }

    @Nested
    class Triage {

        @Test
        void filesARaisedTicket() {
            var ticket = inState(TicketState.RAISED);
            ticket.file(DISPATCHER, LATER);

            assertThat(ticket.state()).isEqualTo(TicketState.FILED);
            var event = onlyEvent(ticket, TicketEvent.Filed.class);
            assertThat(event.change().before()).isEqualTo(TicketState.RAISED);
            assertThat(event.change().after()).isEqualTo(TicketState.FILED);
            assertThat(event.change().revision()).isEqualTo(2);
        }

        @Test
        void rejectsAnInvalidWhistleWithItsReason() {
            var ticket = inState(TicketState.RAISED);
            ticket.reject("a private dispute", DISPATCHER, LATER);

            assertThat(ticket.state()).isEqualTo(TicketState.REJECTED);
            assertThat(ticket.outcome()).contains(Outcome.REJECTED);
            assertThat(ticket.rejectReason()).contains("a private dispute");
            assertThat(onlyEvent(ticket, TicketEvent.Rejected.class).reason()).isEqualTo("a private dispute");
        }

        @Test
        void refusesARejectionWithoutReason() {
            assertInvalid(() -> inState(TicketState.RAISED).reject(" ", DISPATCHER, LATER), "reason");
        }

        @Test
        void mergesADuplicateIntoAnotherOpenTicket() {
            var ticket = inState(TicketState.RAISED);
            var target = inState(TicketState.IN_PROGRESS);
            ticket.mergeInto(target, DISPATCHER, LATER);

            assertThat(ticket.state()).isEqualTo(TicketState.MERGED);
            assertThat(ticket.mergedInto()).contains(target.id());
            assertThat(onlyEvent(ticket, TicketEvent.Merged.class).into()).isEqualTo(target.id());
            assertThat(target.events()).isEmpty();
        }

        @Test
        void refusesToMergeATicketIntoItselfOrIntoAClosedOne() {
            var ticket = inState(TicketState.RAISED);
            assertInvalid(() -> ticket.mergeInto(ticket, DISPATCHER, LATER), "target");
            assertInvalid(() -> ticket.mergeInto(inState(TicketState.CLOSED), DISPATCHER, LATER), "target");
            assertInvalid(() -> ticket.mergeInto(inState(TicketState.REJECTED), DISPATCHER, LATER), "target");
        }

        @Test
        void changesPriorityAndCategoryButRefusesTheSameValue() {
            var ticket = inState(TicketState.FILED);
            ticket.setPriority(Urgency.NORMAL, DISPATCHER, LATER);
            ticket.recategorise(CategoryCode.of("STREET-LIGHT"), DISPATCHER, LATER);

            assertThat(ticket.priority()).isEqualTo(Urgency.NORMAL);
            assertThat(ticket.category()).isEqualTo(CategoryCode.of("STREET-LIGHT"));
            assertThat(ticket.events())
                    .hasExactlyElementsOfTypes(TicketEvent.PriorityChanged.class, TicketEvent.Recategorised.class);
            assertInvalid(() -> ticket.setPriority(Urgency.NORMAL, DISPATCHER, LATER), "priority");
            assertInvalid(() -> ticket.recategorise(CategoryCode.of("STREET-LIGHT"), DISPATCHER, LATER), "category");
        }

        @Test
        void transfersToAnotherCentreAndLevelKeepingTheHistory() {
            var ticket = inState(TicketState.FILED);
            ticket.transfer(DISTRICT_CENTRE, CommandLevel.DISTRICT, "crosses two streets", DISPATCHER, LATER);

            assertThat(ticket.state()).isEqualTo(TicketState.FILED);
            assertThat(ticket.owningCentre()).isEqualTo(DISTRICT_CENTRE);
            assertThat(ticket.level()).isEqualTo(CommandLevel.DISTRICT);
            assertThat(ticket.levelHistory())
                    .extracting(LevelAssignment::centre)
                    .containsExactly(STREET_CENTRE, DISTRICT_CENTRE);
            var event = onlyEvent(ticket, TicketEvent.Transferred.class);
            assertThat(event.fromCentre()).isEqualTo(STREET_CENTRE);
            assertThat(event.change().owningCentre()).isEqualTo(DISTRICT_CENTRE);
        }

        @Test
        void refusesATransferWithoutReasonOrToWhereTheTicketAlreadyIs() {
            var ticket = inState(TicketState.FILED);
            assertInvalid(
                    () -> ticket.transfer(OTHER_STREET_CENTRE, CommandLevel.STREET, "", DISPATCHER, LATER), "reason");
            assertInvalid(
                    () -> ticket.transfer(STREET_CENTRE, CommandLevel.STREET, "why not", DISPATCHER, LATER),
                    "toCentre");
        }
    }

    @Nested
    class Summoning {

        @Test
        void summonsALeadAndCoUnitsEachWithATask() {
            var ticket = inState(TicketState.FILED);
            ticket.summon(LEAD, List.of(LEAD, CO), DISPATCHER, LATER);

            assertThat(ticket.state()).isEqualTo(TicketState.DISPATCHED);
            assertThat(ticket.tasks()).extracting(Task::unit).containsExactly(LEAD, CO);
            assertThat(ticket.tasks()).allSatisfy(t -> assertThat(t.state()).isEqualTo(TaskState.SUMMONED));
            assertThat(ticket.currentLead().map(Task::unit)).contains(LEAD);
            var event = onlyEvent(ticket, TicketEvent.UnitsSummoned.class);
            assertThat(event.lead()).isEqualTo(LEAD);
            assertThat(event.units()).containsExactly(LEAD, CO);
        }

        @Test
        void addsUnitsToATicketInProgressWithoutChangingItsState() {
            var ticket = inState(TicketState.IN_PROGRESS);
            ticket.summon(null, List.of(NEWCOMER), DISPATCHER, LATER);

            assertThat(ticket.state()).isEqualTo(TicketState.IN_PROGRESS);
            assertThat(ticket.task(NEWCOMER).orElseThrow().lead()).isFalse();
        }

        @Test
        void refusesSummonsesThatBreakTheSummonPolicy() {
            var filed = inState(TicketState.FILED);
            assertInvalid(() -> filed.summon(LEAD, List.of(), DISPATCHER, LATER), "units");
            assertInvalid(() -> filed.summon(LEAD, List.of(LEAD, LEAD), DISPATCHER, LATER), "units");
            assertInvalid(() -> filed.summon(LEAD, List.of(CO), DISPATCHER, LATER), "lead");
            assertInvalid(() -> filed.summon(null, List.of(CO), DISPATCHER, LATER), "lead");
            assertThat(filed.revision()).isEqualTo(2);
        }

        @Test
        void refusesASummonsTheTicketAlreadyHasAsAConflictSoThatARetryAfterALostAnswerIsNoInputError() {
            var ticket = inState(TicketState.FILED);
            ticket.summon(LEAD, List.of(LEAD), DISPATCHER, LATER);
            long revision = ticket.revision();

            assertThatThrownBy(() -> ticket.summon(LEAD, List.of(LEAD), DISPATCHER, LATER))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("已被召集到本工单");
            var dispatched = inState(TicketState.DISPATCHED);
            assertThatThrownBy(() -> dispatched.summon(null, List.of(CO), DISPATCHER, LATER))
                    .isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> dispatched.summon(NEWCOMER, List.of(NEWCOMER), DISPATCHER, LATER))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("已有主办单位");
            assertThat(ticket.revision()).isEqualTo(revision);
        }

        @Test
        void resummonsAfterReturnWithANewLead() {
            var ticket = inState(TicketState.RETURNED);
            ticket.summon(NEWCOMER, List.of(NEWCOMER), DISPATCHER, LATER);

            assertThat(ticket.state()).isEqualTo(TicketState.DISPATCHED);
            assertThat(ticket.currentLead().map(Task::unit)).contains(NEWCOMER);
        }
    }

    @Nested
    class UnitWork {

        @Test
        void becomesInProgressWhenTheFirstUnitReportsIn() {
            var ticket = inState(TicketState.DISPATCHED);
            ticket.reportIn(CO, officerOf(CO), LATER);

            assertThat(ticket.state()).isEqualTo(TicketState.IN_PROGRESS);
            assertThat(ticket.task(CO).orElseThrow().state()).isEqualTo(TaskState.REPORTED_IN);
            assertThat(ticket.task(CO).orElseThrow().reportedInAt()).contains(LATER);
            var event = onlyEvent(ticket, TicketEvent.UnitReported.class);
            assertThat(event.report()).isEqualTo(Report.REPORTED_IN);
            assertThat(event.lead()).isFalse();
            assertThat(event.change().before()).isEqualTo(TicketState.DISPATCHED);
            assertThat(event.change().after()).isEqualTo(TicketState.IN_PROGRESS);
        }

        @Test
        void recordsOnSiteProgressAndReporterContactOnTheTask() {
            var ticket = inState(TicketState.IN_PROGRESS);
            ticket.contactedReporter(LEAD, "called Ms Li", officerOf(LEAD), LATER);
            ticket.onSite(LEAD, officerOf(LEAD), LATER);
            ticket.progress(LEAD, "cold patch laid", List.of(PHOTO), officerOf(LEAD), LATER);

            assertThat(ticket.task(LEAD).orElseThrow().state()).isEqualTo(TaskState.ON_SITE);
            assertThat(ticket.events())
                    .map(e -> ((TicketEvent.UnitReported) e).report())
                    .containsExactly(Report.CONTACTED_REPORTER, Report.ON_SITE, Report.PROGRESS);
            assertThat(ticket.timeline().entries().getLast().evidence()).containsExactly(PHOTO);
            assertInvalid(() -> ticket.progress(LEAD, "", List.of(), officerOf(LEAD), LATER), "note");
        }

        @Test
        void staysInProgressWhenACoUnitIsDone() {
            var ticket = inState(TicketState.IN_PROGRESS);
            ticket.reportIn(CO, officerOf(CO), LATER);
            ticket.done(CO, "fire lane checked", List.of(), officerOf(CO), LATER);

            assertThat(ticket.state()).isEqualTo(TicketState.IN_PROGRESS);
            assertThat(ticket.task(CO).orElseThrow().state()).isEqualTo(TaskState.DONE);
        }

        @Test
        void becomesResolvedWhenTheLeadIsDoneWithEvidence() {
            var ticket = inState(TicketState.IN_PROGRESS);
            ticket.done(LEAD, "patched", List.of(PHOTO), officerOf(LEAD), LATER);

            assertThat(ticket.state()).isEqualTo(TicketState.RESOLVED);
            assertThat(ticket.resolvedAt()).contains(LATER);
            var event = onlyEvent(ticket, TicketEvent.UnitReported.class);
            assertThat(event.lead()).isTrue();
            assertThat(event.evidence()).containsExactly(PHOTO);
            assertThat(event.change().after()).isEqualTo(TicketState.RESOLVED);
        }

        @Test
        void refusesTheLeadsDoneWithoutEvidence() {
            var ticket = inState(TicketState.IN_PROGRESS);
            assertInvalid(() -> ticket.done(LEAD, "patched", List.of(), officerOf(LEAD), LATER), "evidence");
            assertThat(ticket.state()).isEqualTo(TicketState.IN_PROGRESS);
        }

        @Test
        void keepsTheTicketWhenOneOfSeveralCoUnitsDeclines() {
            var ticket = inState(TicketState.DISPATCHED);
            ticket.decline(CO, "not in our area", officerOf(CO), LATER);

            assertThat(ticket.state()).isEqualTo(TicketState.DISPATCHED);
            assertThat(ticket.task(CO).orElseThrow().declineReason()).contains("not in our area");
            assertThat(onlyEvent(ticket, TicketEvent.UnitReported.class).report())
                    .isEqualTo(Report.DECLINED);
        }

        @Test
        void returnsTheTicketToItsCommandLevelWhenEveryUnitDeclined() {
            var ticket = inState(TicketState.DISPATCHED);
            ticket.decline(CO, "not ours", officerOf(CO), LATER);
            ticket.decline(LEAD, "not ours either", officerOf(LEAD), LATER);

            assertThat(ticket.state()).isEqualTo(TicketState.RETURNED);
            assertThat(ticket.level()).isEqualTo(CommandLevel.STREET);
            assertThat(ticket.events())
                    .hasExactlyElementsOfTypes(
                            TicketEvent.UnitReported.class, TicketEvent.UnitReported.class, TicketEvent.Returned.class);
            var returned = (TicketEvent.Returned) ticket.events().getLast();
            assertThat(returned.reason()).contains("every summoned unit declined");
            assertThat(returned.change().revision()).isEqualTo(ticket.revision());
            assertThat(ticket.timeline().entries().getLast().action()).isEqualTo(TicketAction.RETURN);
        }

        @Test
        void returnsTheTicketWhenTheLeadDeclinesEvenIfCoUnitsStay() {
            var ticket = inState(TicketState.DISPATCHED);
            ticket.decline(LEAD, "not ours", officerOf(LEAD), LATER);

            assertThat(ticket.state()).isEqualTo(TicketState.RETURNED);
            assertThat(ticket.currentLead()).isEmpty();
            assertThat(((TicketEvent.Returned) ticket.events().getLast()).reason())
                    .contains("lead unit");
        }

        @Test
        void refusesADeclineWithoutReason() {
            assertInvalid(() -> inState(TicketState.DISPATCHED).decline(CO, " ", officerOf(CO), LATER), "reason");
        }
    }

    @Nested
    class Extensions {

        @Test
        void recordsARequestAndItsApprovalWithoutShiftingAnything() {
            var ticket = inState(TicketState.IN_PROGRESS);
            ticket.requestExtension(
                    LEAD,
                    ClockKind.RESOLVE,
                    Duration.ofDays(2),
                    "asphalt plant closed",
                    EXTENSIONS,
                    officerOf(LEAD),
                    LATER);
            ticket.approveExtension(LEAD, DISPATCHER, LATER);

            assertThat(ticket.state()).isEqualTo(TicketState.IN_PROGRESS);
            assertThat(ticket.task(LEAD).orElseThrow().extensions())
                    .singleElement()
                    .satisfies(e -> assertThat(e.status()).isEqualTo(ExtensionRequest.Status.APPROVED));
            assertThat(ticket.events())
                    .hasExactlyElementsOfTypes(
                            TicketEvent.ExtensionRequested.class, TicketEvent.ExtensionApproved.class);
            var approved = (TicketEvent.ExtensionApproved) ticket.events().getLast();
            assertThat(approved.extraTime()).isEqualTo(Duration.ofDays(2));
            assertThat(approved.clock()).isEqualTo(ClockKind.RESOLVE);
        }

        @Test
        void refusesAnExtensionWithAReasonAndStopsCountingIt() {
            var ticket = inState(TicketState.IN_PROGRESS);
            ticket.requestExtension(
                    LEAD, ClockKind.RESOLVE, Duration.ofDays(1), "rain", EXTENSIONS, officerOf(LEAD), LATER);
            ticket.refuseExtension(LEAD, "rain stops tomorrow", DISPATCHER, LATER);

            assertThat(ticket.task(LEAD).orElseThrow().extensions().getFirst().status())
                    .isEqualTo(ExtensionRequest.Status.REFUSED);
            assertThat(((TicketEvent.ExtensionRefused) ticket.events().getLast()).reason())
                    .isEqualTo("rain stops tomorrow");
        }

        @Test
        void refusesRequestsBeyondThePolicy() {
            var ticket = inState(TicketState.IN_PROGRESS);
            var officer = officerOf(LEAD);
            assertInvalid(
                    () -> ticket.requestExtension(
                            LEAD, ClockKind.RESOLVE, Duration.ofDays(4), "x", EXTENSIONS, officer, LATER),
                    "extraTime");
            assertInvalid(
                    () -> ticket.requestExtension(
                            LEAD, ClockKind.VERIFY, Duration.ofDays(1), "x", EXTENSIONS, officer, LATER),
                    "clock");
            ticket.requestExtension(LEAD, ClockKind.RESOLVE, Duration.ofDays(1), "x", EXTENSIONS, officer, LATER);
            assertInvalid(
                    () -> ticket.requestExtension(
                            LEAD, ClockKind.RESOLVE, Duration.ofDays(1), "x", EXTENSIONS, officer, LATER),
                    "clock");
            ticket.approveExtension(LEAD, DISPATCHER, LATER);
            ticket.requestExtension(
                    LEAD, ClockKind.CONTACT_REPORTER, Duration.ofHours(4), "x", EXTENSIONS, officer, LATER);
            ticket.approveExtension(LEAD, DISPATCHER, LATER);
            assertInvalid(
                    () -> ticket.requestExtension(
                            LEAD, ClockKind.RESOLVE, Duration.ofDays(1), "x", EXTENSIONS, officer, LATER),
                    "clock");
        }

        @Test
        void refusesToAnswerWhenNothingIsPending() {
            var ticket = inState(TicketState.IN_PROGRESS);
            assertThatThrownBy(() -> ticket.approveExtension(LEAD, DISPATCHER, LATER))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("没有待审批的延期申请")
                    .hasMessageContaining("处理中");
        }
    }

    @Nested
    class Suspension {

        @Test
        void suspendsAndResumesToTheStateItCameFrom() {
            var ticket = inState(TicketState.IN_PROGRESS);
            ticket.suspend("road closed for the marathon", DISPATCHER, LATER);

            assertThat(ticket.state()).isEqualTo(TicketState.SUSPENDED);
            assertThat(ticket.suspendedFrom()).contains(TicketState.IN_PROGRESS);
            assertThat(ticket.suspendReason()).contains("road closed for the marathon");

            ticket.resume(DISPATCHER, LATER.plusSeconds(60));

            assertThat(ticket.state()).isEqualTo(TicketState.IN_PROGRESS);
            assertThat(ticket.suspendedFrom()).isEmpty();
            assertThat(ticket.events())
                    .hasExactlyElementsOfTypes(TicketEvent.Suspended.class, TicketEvent.Resumed.class);
        }

        @Test
        void refusesASuspensionWithoutReason() {
            assertInvalid(() -> inState(TicketState.FILED).suspend("", DISPATCHER, LATER), "reason");
        }
    }

    @Nested
    class VerificationAndClosing {

        @Test
        void verifiesAResolvedTicket() {
            var ticket = inState(TicketState.RESOLVED);
            ticket.verify(DISPATCHER, LATER);

            assertThat(ticket.state()).isEqualTo(TicketState.VERIFIED);
            onlyEvent(ticket, TicketEvent.Verified.class);
        }

        @Test
        void sendsAFailedVerificationBackToTheLeadAsRework() {
            var ticket = inState(TicketState.RESOLVED);
            ticket.failVerification("pothole still there", DISPATCHER, LATER);

            assertThat(ticket.state()).isEqualTo(TicketState.IN_PROGRESS);
            assertThat(ticket.task(LEAD).orElseThrow().state()).isEqualTo(TaskState.REPORTED_IN);
            assertThat(ticket.task(LEAD).orElseThrow().reworkCount()).isEqualTo(1);
            assertThat(ticket.reopenCount()).isEqualTo(1);
            assertThat(ticket.resolvedAt()).isEmpty();
            assertThat(onlyEvent(ticket, TicketEvent.VerificationFailed.class).lead())
                    .isEqualTo(LEAD);
        }

        @Test
        void closesAVerifiedTicketAsResolvedOrNoAnswer() {
            var satisfied = inState(TicketState.VERIFIED);
            satisfied.close(Outcome.RESOLVED, DISPATCHER, LATER);
            var silent = inState(TicketState.VERIFIED);
            silent.close(Outcome.NO_ANSWER, SLA, LATER);

            assertThat(satisfied.state()).isEqualTo(TicketState.CLOSED);
            assertThat(satisfied.outcome()).contains(Outcome.RESOLVED);
            assertThat(satisfied.closedAt()).contains(LATER);
            assertThat(onlyEvent(silent, TicketEvent.Closed.class).outcome()).isEqualTo(Outcome.NO_ANSWER);
        }

        @Test
        void settlesACoUnitStillSummonedWhenTheTicketClosesAndStandsItAgainOnReopen() {
            var ticket = inState(TicketState.VERIFIED);
            assertThat(ticket.task(CO).orElseThrow().state()).isEqualTo(TaskState.SUMMONED);

            ticket.close(Outcome.RESOLVED, DISPATCHER, LATER);

            assertThat(ticket.task(CO).orElseThrow().settledAt()).contains(LATER);
            assertThat(ticket.task(LEAD).orElseThrow().settledAt()).isEmpty();
            assertThat(ticket.timeline().entries().getLast().note()).isEqualTo("结案：已解决；1 个协办单位尚未报到，召集随结案了结");
            assertThat(ticket.snapshot().tasks())
                    .filteredOn(t -> t.unit().equals(CO))
                    .singleElement()
                    .satisfies(t -> assertThat(t.settledAt()).isEqualTo(LATER));

            ticket.reopen("not fixed", REOPEN_WITHIN_30_DAYS, DISPATCHER, LATER);

            assertThat(ticket.task(CO).orElseThrow().settledAt()).isEmpty();
        }

        @Test
        void refusesToCloseAsRejectedOrMerged() {
            assertInvalid(() -> inState(TicketState.VERIFIED).close(Outcome.REJECTED, DISPATCHER, LATER), "outcome");
            assertInvalid(() -> inState(TicketState.VERIFIED).close(Outcome.MERGED, DISPATCHER, LATER), "outcome");
        }

        @Test
        void reopensAClosedTicketWithinTheWindowCountingAgainstTheLead() {
            var ticket = inState(TicketState.CLOSED);
            ticket.reopen("not fixed", REOPEN_WITHIN_30_DAYS, DISPATCHER, LATER);

            assertThat(ticket.state()).isEqualTo(TicketState.IN_PROGRESS);
            assertThat(ticket.outcome()).isEmpty();
            assertThat(ticket.closedAt()).isEmpty();
            assertThat(ticket.task(LEAD).orElseThrow().reworkCount()).isEqualTo(1);
            var event = onlyEvent(ticket, TicketEvent.Reopened.class);
            assertThat(event.lead()).isEqualTo(LEAD);
            assertThat(event.reopenCount()).isEqualTo(1);
        }

        @Test
        void reopensResolvedAndVerifiedTicketsToo() {
            for (var state : List.of(TicketState.RESOLVED, TicketState.VERIFIED)) {
                var ticket = inState(state);
                ticket.reopen("not fixed", REOPEN_WITHIN_30_DAYS, DISPATCHER, LATER);
                assertThat(ticket.state()).isEqualTo(TicketState.IN_PROGRESS);
            }
        }

        @Test
        void refusesToReopenAfterTheWindow() {
            var ticket = inState(TicketState.CLOSED);
            assertThatThrownBy(() ->
                            ticket.reopen("not fixed", REOPEN_WITHIN_30_DAYS, DISPATCHER, T0.plus(Duration.ofDays(31))))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("已结案")
                    .hasMessageContaining("30 天");
            assertThat(ticket.state()).isEqualTo(TicketState.CLOSED);
        }
    }

    @Nested
    class Escalation {

        @Test
        void escalatesToDistrictWhenStreetMissesAcceptDeadline() {
            var ticket = inState(TicketState.RAISED);
            ticket.raiseLevel(ClockKind.FILE, null, DISTRICT_CENTRE, SLA, LATER);

            assertThat(ticket.level()).isEqualTo(CommandLevel.DISTRICT);
            assertThat(ticket.owningCentre()).isEqualTo(DISTRICT_CENTRE);
            assertThat(ticket.state()).isEqualTo(TicketState.RAISED);
            assertThat(ticket.supervisionOrders()).singleElement().satisfies(o -> {
                assertThat(o.against()).isEqualTo(STREET_CENTRE);
                assertThat(o.clock()).isEqualTo(ClockKind.FILE);
                assertThat(o.fromLevel()).isEqualTo(CommandLevel.STREET);
                assertThat(o.toLevel()).isEqualTo(CommandLevel.DISTRICT);
                assertThat(o.redList()).isFalse();
            });
            var event = onlyEvent(ticket, TicketEvent.LevelRaised.class);
            assertThat(event.to()).isEqualTo(CommandLevel.DISTRICT);
        }

        @Test
        void escalatesToCityAndIssuesASupervisionOrderAgainstTheLateUnit() {
            var ticket = inState(TicketState.DISPATCHED);
            ticket.raiseLevel(ClockKind.REPORT_IN, LEAD, DISTRICT_CENTRE, SLA, LATER);
            ticket.raiseLevel(ClockKind.REPORT_IN, LEAD, CITY_CENTRE, SLA, LATER.plusSeconds(3600));

            assertThat(ticket.level()).isEqualTo(CommandLevel.CITY);
            assertThat(ticket.owningCentre()).isEqualTo(CITY_CENTRE);
            assertThat(ticket.supervisionOrders())
                    .extracting(SupervisionOrder::number, SupervisionOrder::against, SupervisionOrder::toLevel)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(1, LEAD, CommandLevel.DISTRICT),
                            org.assertj.core.groups.Tuple.tuple(2, LEAD, CommandLevel.CITY));
            assertThat(ticket.levelHistory())
                    .extracting(LevelAssignment::level)
                    .containsExactly(CommandLevel.STREET, CommandLevel.DISTRICT, CommandLevel.CITY);
            assertThat(ticket.redListedUnits()).isEmpty();
        }

        @Test
        void redListsTheLateUnitAtCityLevelWhereNoLevelIsAbove() {
            var ticket = inState(TicketState.DISPATCHED);
            ticket.raiseLevel(ClockKind.REPORT_IN, LEAD, DISTRICT_CENTRE, SLA, LATER);
            ticket.raiseLevel(ClockKind.REPORT_IN, LEAD, CITY_CENTRE, SLA, LATER);
            ticket.clearEvents();

            ticket.raiseLevel(ClockKind.REPORT_IN, LEAD, null, SLA, LATER);

            assertThat(ticket.level()).isEqualTo(CommandLevel.CITY);
            assertThat(ticket.redListedUnits()).containsExactly(LEAD);
            assertThat(ticket.supervisionOrders().getLast().redList()).isTrue();
            assertThat(ticket.supervisionOrders().getLast().toLevel()).isNull();
            assertThat(onlyEvent(ticket, TicketEvent.RedListed.class).order().against())
                    .isEqualTo(LEAD);
        }

        @Test
        void refusesAnEscalationWithoutTheCentreAboveOrAgainstAStranger() {
            var ticket = inState(TicketState.DISPATCHED);
            assertInvalid(() -> ticket.raiseLevel(ClockKind.REPORT_IN, LEAD, null, SLA, LATER), "centreAbove");
            assertInvalid(
                    () -> ticket.raiseLevel(ClockKind.REPORT_IN, NEWCOMER, DISTRICT_CENTRE, SLA, LATER), "lateUnit");
        }
    }

    @Nested
    class Bookkeeping {

        @Test
        void raisesTheRevisionByOnePerChangeInStepWithTheTimeline() {
            var ticket = inState(TicketState.CLOSED);

            var entries = ticket.timeline().entries();
            assertThat(ticket.revision()).isEqualTo(entries.size());
            assertThat(entries).extracting(TimelineEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
            for (int i = 1; i < entries.size(); i++) {
                assertThat(entries.get(i).stateBefore())
                        .isEqualTo(entries.get(i - 1).stateAfter());
            }
            assertThat(TimelineVerifier.verify(ticket.id(), entries, ticket.revision()))
                    .isInstanceOf(TimelineVerifier.Result.Intact.class);
        }

        @Test
        void hasNoEventsLeftAfterTheyAreCleared() {
            var ticket = raised();
            ticket.clearEvents();
            assertThat(ticket.events()).isEmpty();
        }
    }
}
