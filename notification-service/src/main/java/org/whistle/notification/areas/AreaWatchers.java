package org.whistle.notification.areas;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.whistle.security.Caller;
import org.whistle.security.Role;

/**
 * Who may watch an area (hear of every whistle raised in it, description and address included): command centres —
 * their street, district and city dispatchers, people or integration clients bound to that role — and Whistle
 * services acting for a command centre. Department, property and community staff, grid workers, residents, leaders
 * and administrators may not: a unit hears of the whistles it is summoned to, not of its whole area.
 */
public final class AreaWatchers {

    private static final Set<Role> COMMAND_CENTRE_ROLES =
            EnumSet.of(Role.STREET_DISPATCHER, Role.DISTRICT_DISPATCHER, Role.CITY_DISPATCHER);
    static final String COMMAND_CENTRE = "COMMAND_CENTRE";

    private AreaWatchers() {}

    /**
     * @param unitKind the kind of the caller's unit in the organisation ({@code COMMAND_CENTRE} …), null when it has
     *     none or it is unknown
     */
    public static boolean mayWatch(Caller caller, @Nullable String unitKind) {
        if (caller.hasAny(COMMAND_CENTRE_ROLES)) {
            return true;
        }
        return caller.has(Role.SERVICE) && COMMAND_CENTRE.equals(unitKind);
    }
}
