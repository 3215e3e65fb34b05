package org.whistle.members.access;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.whistle.members.place.Places;
import org.whistle.security.AccessRefusedException;
import org.whistle.security.Caller;
import org.whistle.security.Role;
import org.whistle.texts.Phrase;

/**
 * Who may do what, by role and organisation subtree (design §7). A compound's branch — its community staff, grid
 * workers (the branch secretary holds a grid post) and the command centres above — manages the compound's members,
 * tasks, ledger and exchange; a member sees their own data and the public task lists; a workplace contact sees its own
 * members' figures ({@code WorkplaceFigures}).
 */
@Component
public class MembersAccess {

    /** Roles that may manage a compound in their scope. */
    static final Set<Role> BRANCH = EnumSet.of(
            Role.COMMUNITY_STAFF,
            Role.GRID_WORKER,
            Role.STREET_DISPATCHER,
            Role.DISTRICT_DISPATCHER,
            Role.CITY_DISPATCHER,
            Role.ADMINISTRATOR);

    private final Places places;

    MembersAccess(Places places) {
        this.places = places;
    }

    /** Whether the caller manages the node (a compound, or a grid or building in it): a branch role covering it. */
    public boolean manages(Caller caller, String nodeId) {
        return caller.hasAny(BRANCH) && caller.covers(places.ancestry(nodeId));
    }

    public void requireManager(Caller caller, String nodeId) {
        if (!manages(caller, nodeId)) {
            throw new AccessRefusedException(Phrase.of("members.refusal.compoundStaffOnly"));
        }
    }

    /** Whether the caller may publish or handle tasks anywhere: a branch role at all (the node is checked apart). */
    public boolean isBranch(Caller caller) {
        return caller.hasAny(BRANCH);
    }

    public void requireAdministrator(Caller caller) {
        if (!caller.has(Role.ADMINISTRATOR)) {
            throw new AccessRefusedException(Phrase.of("members.refusal.adminRules"));
        }
    }
}
