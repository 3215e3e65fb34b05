package org.whistle.security.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StreamTicketsTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY =
            Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes());
    private static final Instant NOW = Instant.parse("2026-12-08T04:00:00Z");

    private final StreamTickets tickets = StreamTickets.withKey(KEY);
    private final UUID whistle = UUID.randomUUID();

    @Test
    void opensItsWhistleUntilItExpires() {
        var expires = NOW.plus(Duration.ofMinutes(30));
        var ticket = tickets.issue(whistle, expires);

        assertThat(ticket).hasSizeLessThanOrEqualTo(StreamTickets.MAX_LENGTH);
        assertThat(tickets.verify(ticket, whistle, NOW)).contains(expires);
        assertThat(tickets.verify(ticket, whistle, expires.minusSeconds(1))).contains(expires);
        assertThat(tickets.verify(ticket, whistle, expires)).isEmpty();
    }

    @Test
    void opensNoOtherWhistleAndNothingUnderAnotherKeyOrAlteredOrMalformed() {
        var expires = NOW.plus(Duration.ofMinutes(30));
        var ticket = tickets.issue(whistle, expires);

        assertThat(tickets.verify(ticket, UUID.randomUUID(), NOW)).isEmpty();
        assertThat(StreamTickets.withKey(OTHER_KEY).verify(ticket, whistle, NOW))
                .isEmpty();
        // a later expiry with the same signature
        var later = (expires.getEpochSecond() + 3600) + ticket.substring(ticket.indexOf('.'));
        assertThat(tickets.verify(later, whistle, NOW)).isEmpty();
        for (var malformed : new String[] {"", ".", "123", "abc.def", "1.%%%", ticket + "A".repeat(80)}) {
            assertThat(tickets.verify(malformed, whistle, NOW)).as(malformed).isEmpty();
        }
    }

    @Test
    void refusesAShortOrMalformedKey() {
        assertThatThrownBy(() -> StreamTickets.withKey(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> StreamTickets.withKey("not base64!")).hasMessageContaining("base64");
    }
}
