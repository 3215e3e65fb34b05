package org.whistle.notification.delivery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.whistle.events.EventEnvelope;
import org.whistle.events.OrgUnitChanged;
import org.whistle.events.Reporter;
import org.whistle.events.TaskState;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleRouted;
import org.whistle.events.WhistleSupervised;
import org.whistle.notification.areas.AreaSubscriptions;
import org.whistle.notification.delivery.domain.Addressee;
import org.whistle.notification.delivery.domain.Recipient;
import org.whistle.notification.rules.domain.Selector;
import org.whistle.orgreference.copy.OrgReferenceCopy;

/** Turns a rule's selector into addressees for one event, from the event, the whistle's context and the org copy. */
@Component
class ChoosingRecipients {

    private final OrgReferenceCopy org;
    private final AreaSubscriptions areas;

    ChoosingRecipients(OrgReferenceCopy org, AreaSubscriptions areas) {
        this.org = org;
        this.areas = areas;
    }

    List<Addressee> choose(Selector selector, EventEnvelope<?> event, WhistleContext context) {
        var data = event.data();
        return switch (selector) {
            case SUMMONED_UNITS ->
                data instanceof WhistleRouted routed
                        ? routed.summons().stream()
                                .filter(summons -> summons.state() == TaskState.SUMMONED)
                                .map(summons -> Addressee.of(Recipient.unit(summons.unitId())))
                                .toList()
                        : List.of();
            case LEAD_UNIT -> {
                var lead = data instanceof WhistleRouted routed
                        ? routed.summons().stream()
                                .filter(WhistleRouted.Summons::lead)
                                .map(WhistleRouted.Summons::unitId)
                                .findFirst()
                                .orElse(context.leadUnit())
                        : context.leadUnit();
                yield lead == null ? List.of() : List.of(Addressee.of(Recipient.unit(lead)));
            }
            case OWNING_CENTRE -> owningCentres(event, context);
            case LATE_UNIT ->
                data instanceof WhistleEscalated escalated && escalated.unitId() != null
                        ? List.of(Addressee.of(Recipient.unit(escalated.unitId())))
                        : List.of();
            case LATE_UNIT_LEADER ->
                data instanceof WhistleEscalated escalated && escalated.unitId() != null
                        ? List.of(Addressee.leaderOf(Recipient.unit(escalated.unitId())))
                        : List.of();
            case REPORTER -> reporter(context);
            case SUPERVISED_UNIT -> data instanceof WhistleSupervised supervised ? supervised(supervised) : List.of();
            case AREA_SUBSCRIBERS -> {
                if (context.areaNode() == null) {
                    yield List.of();
                }
                var nodes = new LinkedHashSet<String>();
                nodes.add(context.areaNode());
                org.ancestry(context.areaNode()).forEach(node -> nodes.add(node.code()));
                yield areas.subscribersOf(nodes).stream()
                        .map(address -> Addressee.of(Recipient.parse(address)))
                        .toList();
            }
        };
    }

    /** The owning centre; an escalation also tells the centre it goes up to. */
    private List<Addressee> owningCentres(EventEnvelope<?> event, WhistleContext context) {
        Set<String> centres = new LinkedHashSet<>();
        if (event.data() instanceof WhistleRouted routed) {
            centres.add(routed.owningCentreId());
        } else if (context.owningCentre() != null) {
            centres.add(context.owningCentre());
        }
        if (event.data() instanceof WhistleEscalated escalated
                && escalated.toLevel() != null
                && context.areaNode() != null) {
            org.commandCentre(context.areaNode(), escalated.toLevel())
                    .map(OrgUnitChanged::code)
                    .ifPresent(centres::add);
        }
        var addressees = new ArrayList<Addressee>();
        centres.forEach(code -> addressees.add(Addressee.of(Recipient.unit(code))));
        return addressees;
    }

    /** A unit held to a 督办/催办 is told as itself and as its leader; a centre (nobody leads yet) as itself. */
    private List<Addressee> supervised(WhistleSupervised supervised) {
        var unit = Recipient.unit(supervised.againstUnitId());
        boolean centre = supervised.againstUnitId().equals(supervised.owningCentreId())
                || org.unit(supervised.againstUnitId())
                        .map(known -> "COMMAND_CENTRE".equals(known.kind()))
                        .orElse(false);
        return centre ? List.of(Addressee.of(unit)) : List.of(Addressee.leaderOf(unit), Addressee.of(unit));
    }

    private static List<Addressee> reporter(WhistleContext context) {
        if (context.reporterKind() == Reporter.Kind.USER && context.reporterUser() != null) {
            var account = Addressee.reporter(Recipient.user(context.reporterUser()));
            if (context.raisedThroughWechatSignedIn()) {
                // Their channel: they raised it in WeChat, signed in there, so intake holds their open id.
                return List.of(
                        account,
                        Addressee.reporter(
                                Recipient.wechatReporter(context.whistleId().toString())));
            }
            return List.of(account);
        }
        if (context.reporterKind() == Reporter.Kind.PHONE) {
            return List.of(
                    Addressee.reporter(Recipient.reporter(context.whistleId().toString())));
        }
        return List.of();
    }
}
