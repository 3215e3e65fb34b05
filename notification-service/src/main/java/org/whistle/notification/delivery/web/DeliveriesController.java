package org.whistle.notification.delivery.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.events.CommandLevel;
import org.whistle.events.OrgUnitChanged;
import org.whistle.notification.delivery.DeliveryLog;
import org.whistle.notification.delivery.WhistleContext;
import org.whistle.notification.delivery.WhistleContexts;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import org.whistle.security.AccessRefusedException;
import org.whistle.security.Caller;
import org.whistle.security.Role;
import org.whistle.security.personaldata.AccessDecisions;
import org.whistle.security.personaldata.ContactDisclosurePolicy;
import org.whistle.security.personaldata.ContactDisclosurePolicy.Relation;
import org.whistle.security.personaldata.ContactDisclosurePolicy.Whose;
import org.whistle.security.personaldata.Disclosure;
import org.whistle.security.personaldata.PersonalData;
import org.whistle.texts.Phrase;

/**
 * What was sent about a whistle, to whom, over which channel, when and with what outcome — for administrators and
 * the dispatchers of the owning command centre (their scope covers the centre's area). A reporter with an account is
 * a recipient by account name: shown in full only to the owning centre's dispatchers at its level
 * ({@link ContactDisclosurePolicy}), masked to administrators and to the levels above. Every answer and refusal is
 * recorded in the access-decision log.
 */
@RestController
@RequestMapping("/api/notifications/deliveries")
class DeliveriesController {

    private static final Map<Role, CommandLevel> DISPATCHERS = Map.of(
            Role.STREET_DISPATCHER, CommandLevel.STREET,
            Role.DISTRICT_DISPATCHER, CommandLevel.DISTRICT,
            Role.CITY_DISPATCHER, CommandLevel.CITY);

    private final DeliveryLog log;
    private final WhistleContexts whistles;
    private final OrgReferenceCopy org;
    private final AccessDecisions decisions;

    DeliveriesController(DeliveryLog log, WhistleContexts whistles, OrgReferenceCopy org, AccessDecisions decisions) {
        this.log = log;
        this.whistles = whistles;
        this.org = org;
        this.decisions = decisions;
    }

    /** A delivery with its attempts. */
    record Sent(DeliveryLog.Entry delivery, List<DeliveryLog.Attempt> attempts) {}

    @GetMapping
    List<Sent> ofWhistle(Caller caller, @RequestParam UUID whistleId) {
        var decision = decisions.about("deliveries", whistleId, "read").by(caller);
        var context = whistles.find(whistleId);
        var centreCode = context.map(WhistleContext::owningCentre).orElse(null);
        var centre = Optional.ofNullable(centreCode).flatMap(org::unit);
        var dispatches = centreCode != null && dispatchesFor(caller, centreCode, centre);
        if (!caller.has(Role.ADMINISTRATOR) && !dispatches) {
            decision.denied("administrator-or-owning-centre-dispatcher");
            throw new AccessRefusedException(Phrase.of("notification.refusal.deliveries.whoSees"));
        }
        var atItsLevel = dispatches
                && caller.roles().stream()
                        .anyMatch(role -> centre.isPresent()
                                && DISPATCHERS.get(role) == centre.get().commandLevel());
        var contact = ContactDisclosurePolicy.decide(
                Whose.REPORTER, atItsLevel ? Relation.OWNING_CENTRE : Relation.OTHER, caller.roles());
        var reporter = context.map(WhistleContext::reporterUser).map(user -> "user:" + user);
        var sent = log.ofWhistle(whistleId).stream()
                .map(entry -> new Sent(shown(entry, reporter, contact), log.attempts(entry.id())))
                .toList();
        decision.disclosed("reporter.account", contact == Disclosure.FULL ? Disclosure.FULL : Disclosure.MASKED)
                .items(sent.size())
                .allowed(dispatches ? "dispatcher-covering-owning-centre" : "administrator");
        return sent;
    }

    /** A reporter's account as recipient, as much of it as this caller may see. */
    private static DeliveryLog.Entry shown(DeliveryLog.Entry entry, Optional<String> reporter, Disclosure contact) {
        if (contact == Disclosure.FULL || reporter.isEmpty() || !reporter.get().equals(entry.recipient())) {
            return entry;
        }
        return entry.withRecipient("user:" + PersonalData.name(entry.recipient().substring("user:".length())));
    }

    private boolean dispatchesFor(Caller caller, String centreCode, Optional<OrgUnitChanged> centre) {
        if (!caller.hasAny(DISPATCHERS.keySet())) {
            return false;
        }
        if (centreCode.equals(caller.unit())) {
            return true;
        }
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
