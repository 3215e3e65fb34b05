package org.whistle.dispatch.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.whistle.dispatch.ticket.OrgLookups;
import org.whistle.dispatch.ticket.StoredTicket;
import org.whistle.events.Actor;
import org.whistle.events.CommandLevel;
import org.whistle.events.TaskState;
import org.whistle.events.TicketState;
import org.whistle.orgreference.domain.routing.UnitCode;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;
import org.whistle.security.Role;
import org.whistle.security.personaldata.AccessDecisions;
import org.whistle.security.personaldata.ContactDisclosurePolicy;
import org.whistle.security.personaldata.ContactDisclosurePolicy.Relation;
import org.whistle.security.personaldata.ContactDisclosurePolicy.Whose;
import org.whistle.security.personaldata.Disclosure;

/**
 * Who may see and change a ticket (design §7; README "Authorisation").
 *
 * <ul>
 *   <li>Dispatchers and leaders see tickets raised in their org scope or owned by a centre in it; a unit's staff see
 *       the tickets that summon their unit. Anyone else who cannot see a ticket gets 404, so its existence stays
 *       hidden; callers whose role sees no tickets at all (residents, grid workers …) get 403.
 *   <li>Command-centre actions need the dispatcher role of the ticket's current level (street, district, city) and
 *       a scope covering the owning centre's area; a dispatcher who sees the ticket otherwise gets 403 (a district
 *       dispatcher reads its streets' tickets but acts only on tickets owned at district level).
 *   <li>Unit actions need a unit role and the {@code unit} claim naming the task's unit.
 *   <li>Leaders only read.
 * </ul>
 *
 * Every refusal is recorded in the access-decision log ({@code whistle.access}) with the caller's subject and roles,
 * the action, the outcome and the rule; a ticket shown is recorded by {@link #shown}. Free text on a ticket (notes,
 * reasons) may hold the reporter's number: {@link #contact} says whether this caller sees it in full. A refusal is
 * Spring Security's {@link AccessDeniedException} naming why, answered as a 403 problem detail by the security chain
 * (service-security's {@code SecurityProblems}), like every service's.
 */
@Component
public class TicketAccess {

    public static final Map<Role, CommandLevel> DISPATCHERS = Map.of(
            Role.STREET_DISPATCHER, CommandLevel.STREET,
            Role.DISTRICT_DISPATCHER, CommandLevel.DISTRICT,
            Role.CITY_DISPATCHER, CommandLevel.CITY);
    public static final Set<Role> UNIT_ROLES =
            EnumSet.of(Role.DEPARTMENT_OFFICER, Role.DEPARTMENT_LEADER, Role.PROPERTY_STAFF, Role.COMMUNITY_STAFF);
    public static final Set<Role> AREA_READERS =
            EnumSet.of(Role.STREET_DISPATCHER, Role.DISTRICT_DISPATCHER, Role.CITY_DISPATCHER, Role.LEADER);

    static final String TICKET = "ticket";
    private static final Set<TaskState> OPEN_TASKS =
            EnumSet.of(TaskState.SUMMONED, TaskState.REPORTED_IN, TaskState.ON_SITE);
    private static final Set<TicketState> ENDED =
            EnumSet.of(TicketState.CLOSED, TicketState.REJECTED, TicketState.MERGED);

    private final OrgLookups org;
    private final AccessDecisions decisions;

    TicketAccess(OrgLookups org, AccessDecisions decisions) {
        this.org = org;
        this.decisions = decisions;
    }

    /** The caller may read the ticket; returns the rule that lets them. */
    public String requireRead(Caller caller, StoredTicket stored, String action) {
        requireSomeTicketRole(caller, action, stored);
        return readRule(caller, stored).orElseThrow(() -> hidden(caller, action, stored));
    }

    /** What let a caller change a ticket: the rule, and the caller in the post that authorised it. */
    public record Granted(String rule, Actor actor) {}

    public Granted requireCentre(Caller caller, StoredTicket stored, String action) {
        requireRead(caller, stored, action);
        var level = stored.snapshot().level();
        var dispatcherHere = caller.roles().stream().anyMatch(role -> DISPATCHERS.get(role) == level);
        if (!dispatcherHere) {
            throw refused(
                    caller,
                    action,
                    stored,
                    "dispatcher-role-of-the-tickets-level",
                    "needs the " + level + " dispatcher role of the ticket's level");
        }
        if (!caller.covers(org.areaOf(stored.snapshot().owningCentre()))) {
            throw refused(
                    caller,
                    action,
                    stored,
                    "owning-centre-outside-scope",
                    "the owning centre is outside the caller's scope");
        }
        return new Granted("owning-centre-dispatcher", ActingPost.ofCentre(caller, level));
    }

    /** What let a higher level act on a ticket: the rule, the caller in its post, and the level it acts at. */
    public record GrantedAbove(String rule, Actor actor, CommandLevel level) {}

    /**
     * 督办、催办 and 提级 come from above: the caller needs a district or city dispatcher role at or above the ticket's
     * level ({@code strictlyAbove}: above it, for a take-over) and a scope covering where the whistle was raised or the
     * owning centre — any ticket in its subtree. The caller acts at the highest such level it holds.
     */
    public GrantedAbove requireAbove(Caller caller, StoredTicket stored, String action, boolean strictlyAbove) {
        requireRead(caller, stored, action);
        var ticketLevel = stored.snapshot().level();
        var level = caller.roles().stream()
                .map(DISPATCHERS::get)
                .filter(java.util.Objects::nonNull)
                .filter(l -> l.ordinal() >= CommandLevel.DISTRICT.ordinal())
                .filter(l -> strictlyAbove ? l.ordinal() > ticketLevel.ordinal() : l.ordinal() >= ticketLevel.ordinal())
                .max(java.util.Comparator.naturalOrder())
                .orElse(null);
        if (level == null) {
            throw refused(
                    caller,
                    action,
                    stored,
                    strictlyAbove ? "dispatcher-role-above-the-tickets-level" : "district-or-city-dispatcher-role",
                    strictlyAbove
                            ? "needs a dispatcher role above the ticket's level " + ticketLevel
                            : "needs a district or city dispatcher role at or above the ticket's level " + ticketLevel);
        }
        if (!caller.covers(stored.placement().areaPath())
                && !caller.covers(org.areaOf(stored.snapshot().owningCentre()))) {
            throw refused(caller, action, stored, "ticket-outside-scope", "the ticket is outside the caller's scope");
        }
        return new GrantedAbove("dispatcher-above-in-scope", ActingPost.ofCentre(caller, level), level);
    }

    public Granted requireUnit(Caller caller, StoredTicket stored, UnitCode unit, String action) {
        requireRead(caller, stored, action);
        if (!caller.hasAny(UNIT_ROLES)) {
            throw refused(caller, action, stored, "unit-role-required", "needs a unit role");
        }
        if (!unit.value().equals(caller.unit())) {
            throw refused(caller, action, stored, "own-unit-only", "acts only for the caller's own unit");
        }
        var kind = org.copy().unit(unit.value()).map(u -> u.kind()).orElse(null);
        return new Granted("own-unit-task", ActingPost.ofUnit(caller, kind));
    }

    /**
     * Verifying a ticket's timeline against its anchors reads Kafka: an audit for dispatchers and leaders who read the
     * ticket, not for units.
     */
    public String requireAuditor(Caller caller, StoredTicket stored, String action) {
        var rule = requireRead(caller, stored, action);
        if (!caller.hasAny(AREA_READERS)) {
            throw refused(caller, action, stored, "area-reader-role-required", "needs a dispatcher or leader role");
        }
        return rule;
    }

    /**
     * How much of the reporter this caller may see on the ticket: phones written into notes and reasons in full only
     * for the owning centre's dispatchers at its level and units whose task is open, while the ticket runs.
     */
    public Disclosure contact(Caller caller, StoredTicket stored) {
        var snapshot = stored.snapshot();
        var relation = Relation.OTHER;
        if (!ENDED.contains(snapshot.state())) {
            var dispatcherHere = caller.roles().stream().anyMatch(role -> DISPATCHERS.get(role) == snapshot.level());
            if (dispatcherHere && caller.covers(org.areaOf(snapshot.owningCentre()))) {
                relation = Relation.OWNING_CENTRE;
            } else if (caller.unit() != null
                    && snapshot.tasks().stream()
                            .anyMatch(task ->
                                    task.unit().value().equals(caller.unit()) && OPEN_TASKS.contains(task.state()))) {
                relation = Relation.SUMMONED_UNIT;
            }
        }
        return ContactDisclosurePolicy.decide(Whose.REPORTER, relation, caller.roles());
    }

    /** Records that the caller was shown the ticket after {@code action}, allowed by {@code rule}. */
    public void shown(Caller caller, StoredTicket stored, String action, String rule, Disclosure contact) {
        decisions
                .about(TICKET, stored.snapshot().id().value(), action)
                .by(caller)
                .disclosed("ticket.notes", contact == Disclosure.FULL ? Disclosure.FULL : Disclosure.MASKED)
                .allowed(rule);
    }

    /** Records asking for a ticket that does not exist: answered like one the caller may not see. */
    public void noSuchTicket(Caller caller, java.util.UUID id, String action) {
        decisions.about(TICKET, id, action).by(caller).hidden("no-such-ticket");
    }

    /** A caller may read a unit's queue only for its own unit. */
    public void requireUnitQueue(Caller caller, String unit) {
        var decision = decisions.about("unit-queue", unit, "read").by(caller);
        if (!caller.hasAny(UNIT_ROLES) || !unit.equals(caller.unit())) {
            decision.denied("own-unit-only");
            throw new AccessDeniedException("a unit's queue is for that unit's staff");
        }
        decision.allowed("own-unit");
    }

    /**
     * Bulk actions are a command centre's: only a dispatcher may ask for them at all; each ticket is then authorised
     * on its own, as the single action is.
     */
    public void requireDispatcher(Caller caller, String action) {
        var decision = decisions.about("ticket-bulk", action, action).by(caller);
        if (caller.roles().stream().noneMatch(DISPATCHERS::containsKey)) {
            decision.denied("dispatcher-role-required");
            throw new AccessDeniedException("bulk actions are a command centre's");
        }
        decision.allowed("dispatcher");
    }

    /** Dispatchers and leaders read centres and areas in their scope. */
    public void requireArea(Caller caller, List<String> areaPath, String resource, String id) {
        var decision = decisions.about(resource, id, "read").by(caller);
        if (!caller.hasAny(AREA_READERS) || !caller.covers(areaPath)) {
            decision.denied(caller.hasAny(AREA_READERS) ? "outside-scope" : "area-reader-role-required");
            throw new AccessDeniedException("outside the caller's scope: " + resource + " " + id);
        }
        decision.allowed("area-reader-in-scope");
    }

    public boolean sees(Caller caller, StoredTicket stored) {
        return readRule(caller, stored).isPresent();
    }

    private Optional<String> readRule(Caller caller, StoredTicket stored) {
        if (caller.hasAny(AREA_READERS)
                && (caller.covers(stored.placement().areaPath())
                        || caller.covers(org.areaOf(stored.snapshot().owningCentre())))) {
            return Optional.of("area-reader-in-scope");
        }
        if (caller.hasAny(UNIT_ROLES)
                && caller.unit() != null
                && stored.snapshot().tasks().stream()
                        .anyMatch(task -> task.unit().value().equals(caller.unit()))) {
            return Optional.of("summoned-unit");
        }
        return Optional.empty();
    }

    private void requireSomeTicketRole(Caller caller, String action, StoredTicket stored) {
        if (!caller.hasAny(AREA_READERS) && !caller.hasAny(UNIT_ROLES)) {
            throw refused(caller, action, stored, "role-sees-no-tickets", "the caller's roles see no tickets");
        }
    }

    private AccessDeniedException refused(Caller caller, String action, StoredTicket stored, String rule, String why) {
        decisions
                .about(TICKET, stored.snapshot().id().value(), action)
                .by(caller)
                .denied(rule);
        return new AccessDeniedException("not allowed to " + action + " this ticket: " + why);
    }

    private NotFoundException hidden(Caller caller, String action, StoredTicket stored) {
        decisions
                .about(TICKET, stored.snapshot().id().value(), action)
                .by(caller)
                .hidden("not-visible-to-caller");
        return new NotFoundException("ticket", stored.snapshot().id().toString());
    }
}
