package org.whistle.notification.delivery.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.notification.delivery.DeliveryLog;
import org.whistle.notification.delivery.WhistleContexts;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import org.whistle.security.Caller;
import org.whistle.security.Role;

/**
 * What was sent about a whistle, to whom, over which channel, when and with what outcome — for administrators and
 * the dispatchers of the owning command centre (their scope covers the centre's area).
 */
@RestController
@RequestMapping("/api/notifications/deliveries")
class DeliveriesController {

    private static final Set<Role> DISPATCHERS =
            Set.of(Role.STREET_DISPATCHER, Role.DISTRICT_DISPATCHER, Role.CITY_DISPATCHER);

    private final DeliveryLog log;
    private final WhistleContexts whistles;
    private final OrgReferenceCopy org;

    DeliveriesController(DeliveryLog log, WhistleContexts whistles, OrgReferenceCopy org) {
        this.log = log;
        this.whistles = whistles;
        this.org = org;
    }

    /** A delivery with its attempts. */
    record Sent(DeliveryLog.Entry delivery, List<DeliveryLog.Attempt> attempts) {}

    @GetMapping
    List<Sent> ofWhistle(Caller caller, @RequestParam UUID whistleId) {
        if (!caller.has(Role.ADMINISTRATOR) && !dispatchesFor(caller, whistleId)) {
            throw new AccessDeniedException("only administrators and the owning command centre see deliveries");
        }
        return log.ofWhistle(whistleId).stream()
                .map(entry -> new Sent(entry, log.attempts(entry.id())))
                .toList();
    }

    private boolean dispatchesFor(Caller caller, UUID whistleId) {
        if (!caller.hasAny(DISPATCHERS)) {
            return false;
        }
        var centreCode =
                whistles.find(whistleId).map(context -> context.owningCentre()).orElse(null);
        if (centreCode == null) {
            return false;
        }
        if (centreCode.equals(caller.unit())) {
            return true;
        }
        var centre = org.unit(centreCode);
        if (centre.isEmpty()) {
            return false;
        }
        var area = centre.get().areaId() == null ? centreCode : centre.get().areaId();
        var ancestry = new ArrayList<String>();
        org.ancestry(area).forEach(node -> ancestry.add(node.code()));
        ancestry.add(area);
        return caller.covers(ancestry);
    }
}
