package org.whistle.members.points;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.members.access.MembersAccess;
import org.whistle.members.place.Places;
import org.whistle.members.points.domain.LedgerEntry;
import org.whistle.members.points.domain.RuleSet;
import org.whistle.members.reporting.Memberships;
import org.whistle.members.reporting.domain.Membership;
import org.whistle.members.tasks.domain.TaskEvent;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;
import org.whistle.texts.Phrase;

/**
 * Writes the ledger. Task points are granted in the transaction that approves the claim, under the grant key
 * {@code task:<task>:<member>}: a retried request, a redelivered event or two approvers at once find the key taken and
 * write nothing. Branch staff add items of the city's rule set (meetings, study, honours, deductions), capped per year;
 * a correction is a new entry naming the one it corrects.
 */
@Service
public class GrantingPoints {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Ledger ledger;
    private final RuleSets rules;
    private final Memberships memberships;
    private final Places places;
    private final MembersAccess access;
    private final Clock clock;

    GrantingPoints(
            Ledger ledger, RuleSets rules, Memberships memberships, Places places, MembersAccess access, Clock clock) {
        this.ledger = ledger;
        this.rules = rules;
        this.memberships = memberships;
        this.places = places;
        this.access = access;
        this.clock = clock;
    }

    /** Grants a task's points once per approved task and member. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onApproved(TaskEvent.ClaimApproved approved) {
        var member = member(approved.memberId());
        var city = places.cityOf(member.compoundId());
        var ruleSet = rules.forCity(city);
        var item = ruleSet.item(RuleSet.TASK).orElseThrow();
        var year = yearOf(approved.at());
        var amount = ruleSet.grantable(
                item, approved.points(), ledger.earnedUnder(member.id().value(), item.code(), year));
        if (amount == 0) {
            return;
        }
        ledger.append(new LedgerEntry(
                UUID.randomUUID(),
                member.id().value(),
                amount,
                "完成任务：" + approved.title(),
                city,
                item.code(),
                approved.task().value(),
                null,
                null,
                approved.approver(),
                approved.approverName(),
                approved.at(),
                year,
                null,
                "task:" + approved.task() + ":" + approved.memberId()));
    }

    /** A no-show after claiming costs what the city's rule says, once per task and member. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onNoShow(TaskEvent.ClaimNoShow noShow) {
        var member = member(noShow.memberId());
        var city = places.cityOf(member.compoundId());
        var ruleSet = rules.forCity(city);
        if (ruleSet.noShowPoints() == 0) {
            return;
        }
        ledger.append(new LedgerEntry(
                UUID.randomUUID(),
                member.id().value(),
                ruleSet.noShowPoints(),
                "认领后未到场：" + noShow.title(),
                city,
                RuleSet.NO_SHOW,
                noShow.task().value(),
                null,
                null,
                noShow.recordedBy(),
                noShow.recorderName(),
                noShow.at(),
                yearOf(noShow.at()),
                null,
                "noshow:" + noShow.task() + ":" + noShow.memberId()));
    }

    /**
     * An item of the city's rule set for a member of the caller's compound (三会一课, study, honours, deductions). With
     * an event reference (the meeting, the honour) the same item is granted once per event and member.
     */
    @Transactional
    public LedgerEntry grant(Caller caller, UUID memberId, String ruleCode, String reason, @Nullable String eventRef) {
        var member = member(memberId);
        access.requireManager(caller, member.compoundId());
        if (RuleSet.TASK.equals(ruleCode)) {
            throw InvalidInputException.of("ruleCode", Phrase.of("members.refusal.taskPointsAutomatic"));
        }
        var city = places.cityOf(member.compoundId());
        var item = rules.forCity(city)
                .item(ruleCode)
                .orElseThrow(() -> InvalidInputException.of("ruleCode", Phrase.of("members.refusal.noSuchRuleItem")));
        var now = clock.instant();
        var year = yearOf(now);
        var amount = rules.forCity(city).grantable(item, item.points(), ledger.earnedUnder(memberId, ruleCode, year));
        if (amount == 0) {
            throw InvalidInputException.of(
                    "ruleCode", Phrase.of("members.refusal.yearlyCap", "item", item.name(), "cap", item.yearlyCap()));
        }
        var entry = new LedgerEntry(
                UUID.randomUUID(),
                memberId,
                amount,
                item.name() + "：" + reason,
                city,
                ruleCode,
                null,
                eventRef,
                null,
                caller.subject(),
                nameOf(caller),
                now,
                year,
                null,
                eventRef == null ? null : "event:" + eventRef + ":" + ruleCode + ":" + memberId);
        if (!ledger.append(entry)) {
            throw new org.whistle.problems.ConflictException("这次活动的“" + item.name() + "”已记过分");
        }
        return entry;
    }

    /** 更正: a new entry naming the one it corrects; the corrected one stays as written. */
    @Transactional
    public LedgerEntry correct(Caller caller, UUID entryId, int amount, String reason) {
        var corrected =
                ledger.byId(entryId).orElseThrow(() -> new NotFoundException("ledger-entry", entryId.toString()));
        var member = member(corrected.memberId());
        access.requireManager(caller, member.compoundId());
        if (amount == 0 || Math.abs(amount) > 1000) {
            throw InvalidInputException.of("amount", Phrase.of("members.refusal.correction"));
        }
        var now = clock.instant();
        var entry = new LedgerEntry(
                UUID.randomUUID(),
                corrected.memberId(),
                amount,
                "更正：" + reason,
                corrected.cityId(),
                RuleSet.CORRECTION,
                corrected.taskId(),
                corrected.eventRef(),
                null,
                caller.subject(),
                nameOf(caller),
                now,
                corrected.year(),
                corrected.id(),
                null);
        ledger.append(entry);
        return entry;
    }

    public static int yearOf(Instant at) {
        return at.atZone(SHANGHAI).getYear();
    }

    private Membership member(UUID id) {
        return memberships.byId(id).orElseThrow(() -> new NotFoundException("membership", id.toString()));
    }

    static String nameOf(Caller caller) {
        return caller.name() == null ? "工作人员" : caller.name();
    }
}
