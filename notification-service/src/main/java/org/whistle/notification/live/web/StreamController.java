package org.whistle.notification.live.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.whistle.events.OrgUnitChanged;
import org.whistle.notification.NotificationProperties;
import org.whistle.notification.live.LiveStreams;
import org.whistle.notification.live.StreamTicketCheck;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import org.whistle.problems.NotFoundException;
import org.whistle.security.AccessRefusedException;
import org.whistle.security.Caller;
import org.whistle.security.Role;
import org.whistle.texts.Phrase;

/**
 * Live streams. EventSource clients cannot set headers, so these endpoints also take the token as
 * {@code ?access_token=} (see {@code LiveSecurity}).
 */
@RestController
@RequestMapping("/api/notifications/stream")
class StreamController {

    private static final Set<Role> CENTRE_WATCHERS = Set.of(
            Role.STREET_DISPATCHER, Role.DISTRICT_DISPATCHER, Role.CITY_DISPATCHER, Role.LEADER, Role.ADMINISTRATOR);

    private final LiveStreams streams;
    private final OrgReferenceCopy org;
    private final StreamTicketCheck tickets;
    private final Duration timeout;

    StreamController(
            LiveStreams streams, OrgReferenceCopy org, StreamTicketCheck tickets, NotificationProperties properties) {
        this.streams = streams;
        this.org = org;
        this.tickets = tickets;
        this.timeout = properties.live().timeout();
    }

    /** The caller's own notifications and the caller's unit's. */
    @GetMapping(produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter mine(Caller caller) {
        var addresses = new ArrayList<String>();
        addresses.add("user:" + caller.subject());
        if (caller.unit() != null) {
            addresses.add("unit:" + caller.unit());
            if (caller.has(Role.DEPARTMENT_LEADER)) {
                addresses.add(LiveStreams.LEADER_PREFIX + "unit:" + caller.unit());
            }
        }
        return streams.open(addresses);
    }

    /**
     * One whistle's stream for its reporter's 进度 page: the deliveries to the caller about that whistle alone (a
     * reporter's account hears its whistles' steps, ADR 0050). Opened for a whistle that is not the caller's, it hears
     * nothing: the address is the caller's own. One caller holds at most {@code whistle-streams-per-caller} of them.
     */
    @GetMapping(path = "/whistles/{whistleId}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter whistle(Caller caller, @PathVariable UUID whistleId) {
        var user = "user:" + caller.subject();
        return streams.openHeld(user, List.of(LiveStreams.whistleAddress(user, whistleId)), timeout);
    }

    /**
     * One whistle's stream for an anonymous reporter's 进度 page, opened with the ticket intake gave them after a code
     * + phone check (ADR 0059): it hears that whistle's phone reporter ({@code reporter:<whistle id>}) and ends when
     * the ticket expires; the page renews it by the same check. The tracking code never comes here.
     */
    @GetMapping(path = "/tracked/{whistleId}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter tracked(@PathVariable UUID whistleId, @RequestParam String ticket) {
        var expires = tickets.expiry(ticket, whistleId).orElseThrow(StreamProblems.TicketRefusedException::new);
        var reporter = "reporter:" + whistleId;
        return streams.openHeld(reporter, List.of(reporter), Duration.between(tickets.now(), expires));
    }

    /** A command centre's stream, for dispatchers and leaders whose scope covers the centre's area. */
    @GetMapping(path = "/centres/{code}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter centre(Caller caller, @PathVariable String code) {
        var centre = org.unit(code).orElseThrow(() -> new NotFoundException("command centre", code));
        if (!caller.hasAny(CENTRE_WATCHERS) || !covers(caller, centre)) {
            throw new AccessRefusedException(Phrase.of("notification.refusal.centre.outsideScope"));
        }
        return streams.open(List.of("unit:" + code));
    }

    private boolean covers(Caller caller, OrgUnitChanged centre) {
        if (caller.has(Role.ADMINISTRATOR) || centre.code().equals(caller.unit())) {
            return true;
        }
        var area = centre.areaId() == null ? centre.code() : centre.areaId();
        var ancestry = new ArrayList<String>();
        org.ancestry(area).forEach(node -> ancestry.add(node.code()));
        ancestry.add(area);
        return caller.covers(ancestry);
    }
}
