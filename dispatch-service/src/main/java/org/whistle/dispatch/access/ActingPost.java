package org.whistle.dispatch.access;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.whistle.events.Actor;
import org.whistle.events.CommandLevel;
import org.whistle.security.Caller;
import org.whistle.security.Role;

/**
 * The post (role) a person acted in, as the timeline and the events record it: the role that authorised the action,
 * never whichever role a token happens to list first. One person may hold several posts (一肩三挑): an owners'
 * committee chair who is also a grid worker and a party member reports in on the committee's task as
 * {@code PROPERTY_STAFF}.
 *
 * <ul>
 *   <li>A command-centre action is authorised by the dispatcher role of the ticket's level, so that is the post.
 *   <li>A unit action is authorised by any unit role: the one matching the kind of the unit acted for is the post
 *       (property company and owners' committee: property staff; community committee: community staff; anything
 *       else: department officer, then department leader); a caller who holds none of those acts in the first unit
 *       role it holds, in {@link #UNIT_ORDER}.
 * </ul>
 *
 * Chosen from the action, not asked of the client (ADR 0016): the post follows from what was done and for whom, so no
 * header can claim a post that did not authorise the action, and the console needs no post picker.
 */
public final class ActingPost {

    /** Unit roles in the order ties are broken. */
    static final List<Role> UNIT_ORDER =
            List.of(Role.DEPARTMENT_OFFICER, Role.DEPARTMENT_LEADER, Role.PROPERTY_STAFF, Role.COMMUNITY_STAFF);

    private static final Map<String, Role> BY_UNIT_KIND = Map.of(
            "PROPERTY_COMPANY", Role.PROPERTY_STAFF,
            "OWNERS_COMMITTEE", Role.PROPERTY_STAFF,
            "COMMUNITY_COMMITTEE", Role.COMMUNITY_STAFF);

    private ActingPost() {}

    /** The dispatcher role of {@code level}, which the caller must hold. */
    static Actor ofCentre(Caller caller, CommandLevel level) {
        var post = TicketAccess.DISPATCHERS.entrySet().stream()
                .filter(entry -> entry.getValue() == level && caller.has(entry.getKey()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the caller holds no dispatcher role of " + level));
        return actor(caller, post);
    }

    /** The unit role the caller acted in for a unit of {@code unitKind} (absent when the copy does not know it). */
    static Actor ofUnit(Caller caller, @Nullable String unitKind) {
        var preferred = Optional.ofNullable(unitKind)
                .map(kind -> BY_UNIT_KIND.getOrDefault(kind, Role.DEPARTMENT_OFFICER))
                .filter(caller::has);
        var post = preferred
                .or(() -> UNIT_ORDER.stream().filter(caller::has).findFirst())
                .orElseThrow(() -> new IllegalStateException("the caller holds no unit role"));
        return actor(caller, post);
    }

    private static Actor actor(Caller caller, Role post) {
        return new Actor(caller.subject(), caller.unit(), post.name());
    }
}
