package org.whistle.notification.live;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.whistle.notification.NotificationProperties;
import org.whistle.security.streams.StreamTickets;

/**
 * Checks the tickets intake issues to anonymous reporters after a code + phone check (ADR 0059), with the key both
 * services share and without asking intake: a ticket names one whistle and an expiry, nothing else.
 */
@Component
public class StreamTicketCheck {

    private static final Logger log = LoggerFactory.getLogger(StreamTicketCheck.class);

    private final @Nullable StreamTickets tickets;
    private final Clock clock;

    StreamTicketCheck(NotificationProperties properties, Clock clock) {
        var key = properties.live().ticketKey();
        this.clock = clock;
        if (key == null || key.isBlank()) {
            log.warn("whistle.notification.live.ticket-key (WHISTLE_STREAM_TICKET_KEY) is not set: anonymous"
                    + " reporters' 进度 pages will not update live");
            this.tickets = null;
        } else {
            this.tickets = StreamTickets.withKey(key);
        }
    }

    /** When the ticket to this whistle's stream expires, if it is good now. */
    public Optional<Instant> expiry(String ticket, UUID whistleId) {
        return tickets == null ? Optional.empty() : tickets.verify(ticket, whistleId, clock.instant());
    }

    public Instant now() {
        return clock.instant();
    }
}
