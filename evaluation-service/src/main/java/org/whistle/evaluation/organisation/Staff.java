package org.whistle.evaluation.organisation;

import java.util.EnumSet;
import java.util.Set;
import org.whistle.security.Role;

/**
 * Who counts as a member of staff: anyone signed in but residents, party members and systems. Figures, periods and
 * rule sets all read it, so it lives with the organisation rather than in one of them.
 */
public final class Staff {

    /** Every role of a member of staff. */
    public static final Set<Role> ROLES = EnumSet.of(
            Role.GRID_WORKER,
            Role.COMMUNITY_STAFF,
            Role.STREET_DISPATCHER,
            Role.DISTRICT_DISPATCHER,
            Role.CITY_DISPATCHER,
            Role.DEPARTMENT_OFFICER,
            Role.DEPARTMENT_LEADER,
            Role.PROPERTY_STAFF,
            Role.LEADER,
            Role.ADMINISTRATOR);

    private Staff() {}
}
