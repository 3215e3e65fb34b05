package org.whistle.notification.areas.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.notification.InputBounds;
import org.whistle.notification.areas.AreaSubscriptions;
import org.whistle.notification.areas.AreaSubscriptions.AreaSubscription;
import org.whistle.notification.areas.AreaWatchers;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.security.AccessRefusedException;
import org.whistle.security.Caller;
import org.whistle.texts.Phrase;

/**
 * A command centre subscribes to an area in its scope and then hears of every whistle raised there: its dispatchers
 * and its integration clients may ({@link AreaWatchers}), no other account. Reading and cancelling one's own stays
 * open to anyone, so subscriptions made before this rule can be removed by their owners.
 */
@RestController
@RequestMapping("/api/notifications/area-subscriptions")
class AreaSubscriptionsController {

    private final AreaSubscriptions subscriptions;
    private final OrgReferenceCopy org;

    AreaSubscriptionsController(AreaSubscriptions subscriptions, OrgReferenceCopy org) {
        this.subscriptions = subscriptions;
        this.org = org;
    }

    /** Bounds: {@code areaId} {@value InputBounds#CODE} characters. */
    record Subscribe(@Nullable String areaId) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AreaSubscription subscribe(Caller caller, @RequestBody Subscribe request) {
        if (!AreaWatchers.mayWatch(
                caller,
                caller.unit() == null
                        ? null
                        : org.unit(caller.unit()).map(unit -> unit.kind()).orElse(null))) {
            throw new AccessRefusedException(Phrase.of("notification.refusal.area.centresOnly"));
        }
        if (request.areaId() == null || request.areaId().isBlank()) {
            throw InvalidInputException.of("areaId", Phrase.of("refusal.required"));
        }
        InputBounds.name("areaId", request.areaId(), InputBounds.CODE);
        if (!caller.covers(nodeAndAncestors(request.areaId()))) {
            // Subscribers hear of every whistle raised in the area: only in their own scope.
            throw new AccessRefusedException(Phrase.of("notification.refusal.area.outsideScope"));
        }
        var recipient = caller.unit() != null ? "unit:" + caller.unit() : "user:" + caller.subject();
        return subscriptions.subscribe(request.areaId(), recipient);
    }

    @GetMapping
    List<AreaSubscription> mine(Caller caller) {
        return subscriptions.of(addresses(caller));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancel(Caller caller, @PathVariable long id) {
        if (!subscriptions.cancel(id, addresses(caller))) {
            throw new NotFoundException("area subscription", Long.toString(id));
        }
    }

    private List<String> nodeAndAncestors(String areaId) {
        var nodes = new ArrayList<String>();
        org.ancestry(areaId).forEach(node -> nodes.add(node.code()));
        nodes.add(areaId);
        return nodes;
    }

    private static List<String> addresses(Caller caller) {
        var addresses = new ArrayList<String>();
        addresses.add("user:" + caller.subject());
        if (caller.unit() != null) {
            addresses.add("unit:" + caller.unit());
        }
        return addresses;
    }
}
