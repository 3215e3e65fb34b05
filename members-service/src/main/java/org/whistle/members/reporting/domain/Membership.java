package org.whistle.members.reporting.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.members.reporting.domain.MembershipTransitions.Action;
import org.whistle.problems.ConflictException;
import org.whistle.problems.InvalidInputException;
import org.whistle.texts.Phrase;

/**
 * A member's report-in (报到) to the residential compound they live in: one compound at a time, confirmed by its
 * branch, which assigns a grid (and perhaps a building); moving house is a transfer that starts a new report-in and
 * keeps the old one in the history. Every change is checked against {@link MembershipTransitions} and recorded.
 */
public final class Membership {

    private final MembershipId id;
    private final String subject;
    private Profile profile;
    private String address;
    private String compoundId;
    private MembershipState state;
    private @Nullable String gridId;
    private @Nullable String buildingId;
    private final Instant reportedAt;
    private @Nullable Instant confirmedAt;
    private final long revision;
    private final List<HistoryEntry> history;
    private final int stored;

    private Membership(
            MembershipId id,
            String subject,
            Profile profile,
            String address,
            String compoundId,
            MembershipState state,
            @Nullable String gridId,
            @Nullable String buildingId,
            Instant reportedAt,
            @Nullable Instant confirmedAt,
            long revision,
            List<HistoryEntry> history) {
        this.id = id;
        this.subject = subject;
        this.profile = profile;
        this.address = address;
        this.compoundId = compoundId;
        this.state = state;
        this.gridId = gridId;
        this.buildingId = buildingId;
        this.reportedAt = reportedAt;
        this.confirmedAt = confirmedAt;
        this.revision = revision;
        this.history = new ArrayList<>(history);
        this.stored = history.size();
    }

    /** 报到: a member reports to the compound they live in; the branch confirms later. */
    public static Membership reportIn(
            String subject, Profile profile, String compoundId, String address, String actorName, Instant at) {
        if (profile.kind() == MemberKind.IN_SERVICE && profile.workplaceId() == null) {
            throw InvalidInputException.of("workplaceId", Phrase.of("members.refusal.workplaceRequired"));
        }
        var membership = new Membership(
                MembershipId.newId(),
                subject,
                profile,
                address,
                compoundId,
                MembershipState.PENDING,
                null,
                null,
                at,
                null,
                0,
                List.of());
        membership.record(HistoryEntry.Action.REPORTED_IN, subject, actorName, null, at);
        return membership;
    }

    public static Membership restore(
            MembershipId id,
            String subject,
            Profile profile,
            String address,
            String compoundId,
            MembershipState state,
            @Nullable String gridId,
            @Nullable String buildingId,
            Instant reportedAt,
            @Nullable Instant confirmedAt,
            long revision,
            List<HistoryEntry> history) {
        return new Membership(
                id,
                subject,
                profile,
                address,
                compoundId,
                state,
                gridId,
                buildingId,
                reportedAt,
                confirmedAt,
                revision,
                history);
    }

    /** 确认报到: the branch confirms and assigns the grid (and perhaps the building) the member serves in. */
    public void confirm(String grid, @Nullable String building, String actor, String actorName, Instant at) {
        guard(Action.CONFIRM);
        state = MembershipState.CONFIRMED;
        gridId = grid;
        buildingId = building;
        confirmedAt = at;
        record(HistoryEntry.Action.CONFIRMED, actor, actorName, null, at);
    }

    /** 退回: the branch does not accept the report-in (not living here, a duplicate), with a reason. */
    public void decline(String reason, String actor, String actorName, Instant at) {
        guard(Action.DECLINE);
        state = MembershipState.DECLINED;
        record(HistoryEntry.Action.DECLINED, actor, actorName, reason, at);
    }

    /** 调整网格: the branch moves a confirmed member to another grid or building of the same compound. */
    public void reassign(String grid, @Nullable String building, String actor, String actorName, Instant at) {
        guard(Action.REASSIGN);
        gridId = grid;
        buildingId = building;
        record(HistoryEntry.Action.REASSIGNED, actor, actorName, null, at);
    }

    /** 迁居转移: the member moved house; they report to the new compound and wait for its branch. */
    public void transferTo(String newCompound, String newAddress, String actorName, Instant at) {
        guard(Action.TRANSFER);
        if (newCompound.equals(compoundId) && state != MembershipState.DECLINED) {
            throw new ConflictException(Phrase.of("members.refusal.sameCompound"));
        }
        compoundId = newCompound;
        address = newAddress;
        state = MembershipState.PENDING;
        gridId = null;
        buildingId = null;
        confirmedAt = null;
        record(HistoryEntry.Action.TRANSFERRED, subject, actorName, null, at);
    }

    /** The member updates what they can do and when; the report-in itself is unchanged. */
    /**
     * The member edits what they said about themselves. Each edit that changes anything is a step of the history
     * naming what changed (not the values: a phone stays out of the history), so that a branch or a workplace can
     * tell when a member left its organisation or became a volunteer, and who did it.
     */
    public void updateProfile(Profile changed, String actor, String actorName, Instant at) {
        if (changed.kind() == MemberKind.IN_SERVICE && changed.workplaceId() == null) {
            throw InvalidInputException.of("workplaceId", Phrase.of("members.refusal.workplaceRequired"));
        }
        var what = changedFields(profile, changed);
        if (what.isEmpty()) {
            return;
        }
        profile = changed;
        record(HistoryEntry.Action.PROFILE_CHANGED, actor, actorName, "修改了" + String.join("、", what), at);
    }

    /** The fields that differ, named as the report-in form names them, in the form's order. */
    private static java.util.List<String> changedFields(Profile before, Profile after) {
        var what = new java.util.ArrayList<String>();
        if (!before.name().equals(after.name())) {
            what.add("姓名");
        }
        if (!before.phone().equals(after.phone())) {
            what.add("电话");
        }
        if (before.kind() != after.kind()) {
            what.add("身份");
        }
        if (before.type() != after.type()) {
            what.add("党员类别");
        }
        if (!java.util.Objects.equals(before.workplaceId(), after.workplaceId())) {
            what.add("报到单位");
        }
        if (!before.skills().equals(after.skills())) {
            what.add("技能");
        }
        if (!before.teams().equals(after.teams())) {
            what.add("服务队");
        }
        if (!before.availability().equals(after.availability())) {
            what.add("服务时间");
        }
        return what;
    }

    private void guard(Action action) {
        if (!MembershipTransitions.allowed(action, state)) {
            throw new ConflictException(Phrase.of(
                    "members.refusal.membershipState",
                    "state",
                    Phrase.name("members.name.MembershipState", state),
                    "action",
                    Phrase.name("members.name.MembershipAction", action)));
        }
    }

    private void record(HistoryEntry.Action action, String actor, String actorName, @Nullable String note, Instant at) {
        history.add(new HistoryEntry(
                history.size() + 1, at, action, actor, actorName, compoundId, gridId, buildingId, note));
    }

    public boolean isConfirmed() {
        return state == MembershipState.CONFIRMED;
    }

    public MembershipId id() {
        return id;
    }

    public String subject() {
        return subject;
    }

    public Profile profile() {
        return profile;
    }

    public String address() {
        return address;
    }

    public String compoundId() {
        return compoundId;
    }

    public MembershipState state() {
        return state;
    }

    public @Nullable String gridId() {
        return gridId;
    }

    public @Nullable String buildingId() {
        return buildingId;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    public @Nullable Instant confirmedAt() {
        return confirmedAt;
    }

    /** The revision it was loaded at; the store refuses to save over a newer one. */
    public long revision() {
        return revision;
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    /** Entries added since it was loaded, for the store to append. */
    public List<HistoryEntry> newHistory() {
        return List.copyOf(history.subList(stored, history.size()));
    }
}
