package org.whistle.sla.clocks.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import org.whistle.security.Caller;
import org.whistle.security.Role;
import org.whistle.sla.clocks.domain.TicketClocks;

/**
 * Whose clocks a caller may read (design §7), as dispatch decides whose tickets: dispatchers and leaders those of
 * tickets owned by a command centre in their org scope, department staff those of tickets that summon their unit. A
 * ticket the caller may not see does not exist for it (404); a unit's staff count only their own unit's clocks.
 */
@Component
class ClockAccess {

    static final Set<Role> AREA_READERS =
            EnumSet.of(Role.STREET_DISPATCHER, Role.DISTRICT_DISPATCHER, Role.CITY_DISPATCHER, Role.LEADER);

    private static final Logger log = LoggerFactory.getLogger(ClockAccess.class);

    private final OrgReferenceCopy org;

    ClockAccess(OrgReferenceCopy org) {
        this.org = org;
    }

    boolean sees(Caller caller, TicketClocks sheet) {
        if (caller.hasAny(AREA_READERS)
                && sheet.owningCentreId().map(this::areaOf).map(caller::covers).orElse(false)) {
            return true;
        }
        var unit = caller.unit();
        return unit != null
                && !caller.hasAny(AREA_READERS)
                && sheet.clocks().stream().anyMatch(clock -> unit.equals(clock.unitId()));
    }

    /**
     * The unit a summary counts for the caller: the asked one for dispatchers and leaders (their scope limits the
     * tickets), the caller's own for a unit's staff, who may ask for no other.
     */
    @Nullable
    String summaryUnit(Caller caller, @Nullable String asked) {
        if (caller.hasAny(AREA_READERS)) {
            return asked;
        }
        var own = caller.unit() == null ? "-" : caller.unit();
        if (asked != null && !asked.equals(own)) {
            log.info("refused: clock summary of unit {} by {} {} → 403", asked, caller.subject(), caller.roles());
            throw new AccessDeniedException("a unit's staff count only their own unit's clocks");
        }
        return own;
    }

    /** The owning centre's area and the nodes above it; the centre's own code when the copy does not know it. */
    private List<String> areaOf(String centre) {
        var area = org.unit(centre).map(unit -> unit.areaId()).orElse(centre);
        var nodes = new ArrayList<String>();
        org.ancestry(area).forEach(node -> nodes.add(node.code()));
        nodes.add(area);
        return nodes;
    }
}
