package org.whistle.members.reporting;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.members.access.MembersAccess;
import org.whistle.members.place.Places;
import org.whistle.members.reporting.domain.Membership;
import org.whistle.members.reporting.domain.MembershipState;
import org.whistle.members.reporting.domain.Profile;
import org.whistle.members.reporting.domain.WorkplaceOrg;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.security.AccessRefusedException;
import org.whistle.security.Caller;
import org.whistle.texts.Phrase;

/**
 * 报到 as a use case: a member reports to a compound from their phone, the compound's branch confirms (or declines) and
 * assigns a grid and building, the member moves house (transfer with history), a workplace organisation reports as a
 * whole. Every change is one transaction with its history (and, for a confirmation, its event).
 */
@Service
public class ReportingIn {

    private final Memberships memberships;
    private final WorkplaceOrgs workplaces;
    private final Places places;
    private final MembersAccess access;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    /** A report-in confirmed by the branch: a participation figure for the platform. */
    public record MembershipConfirmed(Membership membership) {}

    ReportingIn(
            Memberships memberships,
            WorkplaceOrgs workplaces,
            Places places,
            MembersAccess access,
            Clock clock,
            ApplicationEventPublisher events) {
        this.memberships = memberships;
        this.workplaces = workplaces;
        this.places = places;
        this.access = access;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Membership reportIn(Caller caller, Profile profile, String compoundId, String address) {
        requireCompound(compoundId, "compoundId");
        requireWorkplace(profile.workplaceId());
        var membership =
                Membership.reportIn(caller.subject(), profile, compoundId, address, profile.name(), clock.instant());
        memberships.save(membership);
        return membership;
    }

    @Transactional
    public Membership updateProfile(Caller caller, Profile profile) {
        var membership = mine(caller);
        requireWorkplace(profile.workplaceId());
        membership.updateProfile(profile, caller.subject(), profile.name(), clock.instant());
        memberships.save(membership);
        return membership;
    }

    @Transactional
    public Membership transfer(Caller caller, String compoundId, String address) {
        requireCompound(compoundId, "compoundId");
        var membership = mine(caller);
        membership.transferTo(compoundId, address, membership.profile().name(), clock.instant());
        memberships.save(membership);
        return membership;
    }

    @Transactional
    public Membership confirm(Caller caller, UUID id, String gridId, @Nullable String buildingId) {
        var membership = managed(caller, id);
        placeInCompound(membership.compoundId(), gridId, buildingId);
        membership.confirm(gridId, buildingId, caller.subject(), nameOf(caller), clock.instant());
        memberships.save(membership);
        events.publishEvent(new MembershipConfirmed(membership));
        return membership;
    }

    @Transactional
    public Membership reassign(Caller caller, UUID id, String gridId, @Nullable String buildingId) {
        var membership = managed(caller, id);
        placeInCompound(membership.compoundId(), gridId, buildingId);
        membership.reassign(gridId, buildingId, caller.subject(), nameOf(caller), clock.instant());
        memberships.save(membership);
        return membership;
    }

    @Transactional
    public Membership decline(Caller caller, UUID id, String reason) {
        var membership = managed(caller, id);
        membership.decline(reason, caller.subject(), nameOf(caller), clock.instant());
        memberships.save(membership);
        return membership;
    }

    @Transactional(readOnly = true)
    public List<Membership> ofCompound(Caller caller, String compoundId, @Nullable MembershipState state) {
        access.requireManager(caller, compoundId);
        return memberships.inCompound(compoundId, state, 500);
    }

    @Transactional
    public WorkplaceOrg registerWorkplace(Caller caller, WorkplaceOrg org) {
        if (!places.isActive(org.reportsTo(), Places.COMPOUND)
                && places.ancestry(org.reportsTo()).isEmpty()) {
            throw InvalidInputException.of("reportsTo", Phrase.of("members.refusal.noSuchPlace"));
        }
        access.requireManager(caller, org.reportsTo());
        workplaces.add(org, caller.subject());
        return org;
    }

    /**
     * The compounds the caller's branch manages, for the branch's page to choose from: a branch role (the node is
     * checked as for every other branch action) covering them.
     */
    public List<String> managedCompounds(Caller caller) {
        if (!access.isBranch(caller)) {
            throw new AccessRefusedException(Phrase.of("members.refusal.compoundViewers"));
        }
        return places.compounds().stream()
                .filter(compound -> access.manages(caller, compound))
                .toList();
    }

    /**
     * The workplace organisations the caller may see: those it is the contact of (整建制报到) and those reporting to a
     * compound its branch manages.
     */
    @Transactional(readOnly = true)
    public List<WorkplaceOrg> visibleWorkplaces(Caller caller) {
        var own = workplaces.ofContact(caller.subject());
        if (!access.isBranch(caller)) {
            return own;
        }
        var seen = new java.util.LinkedHashMap<String, WorkplaceOrg>();
        own.forEach(org -> seen.put(org.id(), org));
        workplaces.all().stream()
                .filter(org -> access.manages(caller, org.reportsTo()))
                .forEach(org -> seen.putIfAbsent(org.id(), org));
        return List.copyOf(seen.values());
    }

    /** The workplace's members as its contact (or the branch it reports to) sees them. */
    @Transactional(readOnly = true)
    public List<Membership> workplaceMembers(Caller caller, String workplaceId) {
        var org = workplaces.byId(workplaceId).orElseThrow(() -> new NotFoundException("workplace", workplaceId));
        if (!org.contactSubject().equals(caller.subject()) && !access.manages(caller, org.reportsTo())) {
            throw new AccessRefusedException(Phrase.of("members.refusal.workplaceViewers"));
        }
        return memberships.ofWorkplace(workplaceId);
    }

    public Membership mine(Caller caller) {
        return memberships.bySubject(caller.subject()).orElseThrow(() -> new NotFoundException("membership", "me"));
    }

    /** The membership, when the caller manages its compound; otherwise as if it did not exist. */
    Membership managed(Caller caller, UUID id) {
        var membership = memberships.byId(id).orElseThrow(() -> new NotFoundException("membership", id.toString()));
        access.requireManager(caller, membership.compoundId());
        return membership;
    }

    private void requireCompound(String compoundId, String field) {
        if (!places.isActive(compoundId, Places.COMPOUND)) {
            throw InvalidInputException.of(field, Phrase.of("members.refusal.noSuchCompound"));
        }
    }

    private void requireWorkplace(@Nullable String workplaceId) {
        if (workplaceId != null && workplaces.byId(workplaceId).isEmpty()) {
            throw InvalidInputException.of("workplaceId", Phrase.of("members.refusal.noSuchWorkplace"));
        }
    }

    private void placeInCompound(String compoundId, String gridId, @Nullable String buildingId) {
        if (!places.isActive(gridId, Places.GRID) || !places.within(gridId, compoundId)) {
            throw InvalidInputException.of("gridId", Phrase.of("members.refusal.gridNotInCompound"));
        }
        if (buildingId != null
                && (!places.isActive(buildingId, Places.BUILDING) || !places.within(buildingId, gridId))) {
            throw InvalidInputException.of("buildingId", Phrase.of("members.refusal.buildingNotInGrid"));
        }
    }

    static String nameOf(Caller caller) {
        return caller.name() == null ? "工作人员" : caller.name();
    }
}
