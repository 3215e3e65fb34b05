package org.whistle.intake.following;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.whistle.intake.IntakeProperties;
import org.whistle.intake.following.FollowingWhistles.Seen;
import org.whistle.security.streams.StreamTickets;

/**
 * The stream ticket an anonymous reporter's 进度 page opens notification-service's stream of their whistle with
 * (ADR 0059): issued with each successful code + phone look-up, for that whistle only, for {@code ticket-lifetime};
 * it carries no code and names no person. Only a whistle raised with a phone and no account has a phone reporter's
 * live updates to hear (notification's {@code reporter:<whistle id>}; an account's whistle is followed signed in, one
 * raised with neither has nobody to tell).
 */
@Component
public class LiveTickets {

    /** The rule under which a code + phone look-up shows a whistle ({@link FollowingWhistles}). */
    static final String BY_CODE_AND_PHONE = "reporter-tracking-code";

    private static final Logger log = LoggerFactory.getLogger(LiveTickets.class);

    private final @Nullable StreamTickets tickets;
    private final IntakeProperties.Live live;
    private final Clock clock;

    LiveTickets(IntakeProperties properties, Clock clock) {
        this.live = properties.live();
        this.clock = clock;
        var key = live.ticketKey();
        if (key == null || key.isBlank()) {
            log.warn("whistle.intake.live.ticket-key (WHISTLE_STREAM_TICKET_KEY) is not set: anonymous reporters'"
                    + " 进度 pages will not update live");
            this.tickets = null;
        } else {
            this.tickets = StreamTickets.withKey(key);
        }
    }

    /** The ticket and its expiry, for a whistle seen by its anonymous reporter's code and phone. */
    public Optional<Map<String, Object>> forView(Seen seen) {
        if (tickets == null
                || !BY_CODE_AND_PHONE.equals(seen.rule())
                || !"PHONE".equals(seen.whistle().reporterKind())) {
            return Optional.empty();
        }
        var expires = clock.instant().plus(live.ticketLifetime());
        var ticket = new LinkedHashMap<String, Object>();
        ticket.put("ticket", tickets.issue(seen.whistle().id(), expires));
        ticket.put("expiresAt", expires);
        return Optional.of(ticket);
    }
}
