package org.whistle.dispatch.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.whistle.dispatch.ticket.OrgLookups;
import org.whistle.dispatch.ticket.StoredTicket;
import org.whistle.dispatch.ticket.domain.UnitCode;
import org.whistle.events.CommandLevel;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;
import org.whistle.security.Role;

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
 * Every refusal is logged at INFO with the caller's subject and roles, the action and the outcome — no names.
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

    private static final Logger log = LoggerFactory.getLogger(TicketAccess.class);

    private final OrgLookups org;

    TicketAccess(OrgLookups org) {
        this.org = org;
    }

    public void requireRead(Caller caller, StoredTicket stored, String action) {
        requireSomeTicketRole(caller, action, stored);
        if (!sees(caller, stored)) {
            throw hidden(caller, action, stored);
        }
    }

    public void requireCentre(Caller caller, StoredTicket stored, String action) {
        requireRead(caller, stored, action);
        var level = stored.snapshot().level();
        var dispatcherHere = caller.roles().stream().anyMatch(role -> DISPATCHERS.get(role) == level);
        if (!dispatcherHere) {
            throw refused(caller, action, stored, "needs the " + level + " dispatcher role of the ticket's level");
        }
        if (!caller.covers(org.areaOf(stored.snapshot().owningCentre()))) {
            throw refused(caller, action, stored, "the owning centre is outside the caller's scope");
        }
    }

    public void requireUnit(Caller caller, StoredTicket stored, UnitCode unit, String action) {
        requireRead(caller, stored, action);
        if (!caller.hasAny(UNIT_ROLES)) {
            throw refused(caller, action, stored, "needs a unit role");
        }
        if (!unit.value().equals(caller.unit())) {
            throw refused(caller, action, stored, "acts only for the caller's own unit");
        }
    }

    /** A caller may read a unit's queue only for its own unit. */
    public void requireUnitQueue(Caller caller, String unit) {
        if (!caller.hasAny(UNIT_ROLES) || !unit.equals(caller.unit())) {
            log.info("refused: read queue of unit {} by {} {} → 403", unit, caller.subject(), caller.roles());
            throw new AccessRefusedException("a unit's queue is for that unit's staff");
        }
    }

    /** Dispatchers and leaders read centres and areas in their scope. */
    public void requireArea(Caller caller, List<String> areaPath, String what) {
        if (!caller.hasAny(AREA_READERS) || !caller.covers(areaPath)) {
            log.info("refused: read {} by {} {} → 403", what, caller.subject(), caller.roles());
            throw new AccessRefusedException("outside the caller's scope: " + what);
        }
    }

    public boolean sees(Caller caller, StoredTicket stored) {
        if (caller.hasAny(AREA_READERS)
                && (caller.covers(stored.placement().areaPath())
                        || caller.covers(org.areaOf(stored.snapshot().owningCentre())))) {
            return true;
        }
        return caller.hasAny(UNIT_ROLES)
                && caller.unit() != null
                && stored.snapshot().tasks().stream()
                        .anyMatch(task -> task.unit().value().equals(caller.unit()));
    }

    private void requireSomeTicketRole(Caller caller, String action, StoredTicket stored) {
        if (!caller.hasAny(AREA_READERS) && !caller.hasAny(UNIT_ROLES)) {
            throw refused(caller, action, stored, "the caller's roles see no tickets");
        }
    }

    private AccessRefusedException refused(Caller caller, String action, StoredTicket stored, String why) {
        log.info(
                "refused: {} on ticket {} by {} {} → 403 ({})",
                action,
                stored.snapshot().id(),
                caller.subject(),
                caller.roles(),
                why);
        return new AccessRefusedException("not allowed to " + action + " this ticket: " + why);
    }

    private NotFoundException hidden(Caller caller, String action, StoredTicket stored) {
        log.info(
                "refused: {} on ticket {} by {} {} → 404 (not visible to the caller)",
                action,
                stored.snapshot().id(),
                caller.subject(),
                caller.roles());
        return new NotFoundException("ticket", stored.snapshot().id().toString());
    }
}
