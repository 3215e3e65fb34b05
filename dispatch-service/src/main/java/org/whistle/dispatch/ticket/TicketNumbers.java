package org.whistle.dispatch.ticket;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.whistle.dispatch.ticket.domain.TicketNumber;

/**
 * Hands out ticket numbers: one counter row per city and Shanghai day, advanced in the transaction that stores the
 * ticket. The row lock serialises concurrent raises for the same day, and a rolled-back raise gives its number back,
 * so each number is used exactly once and without gaps.
 */
@Component
class TicketNumbers {

    private final JdbcClient jdbc;

    TicketNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    TicketNumber next(String city, Instant at) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a ticket number is handed out only in the transaction storing the ticket");
        }
        var day = at.atZone(TicketNumber.ZONE).toLocalDate();
        int next = jdbc.sql("""
                        INSERT INTO ticket_number_sequence (city, day, next) VALUES (:city, :day, 1)
                        ON CONFLICT (city, day) DO UPDATE SET next = ticket_number_sequence.next + 1
                        RETURNING next
                        """)
                .param("city", city)
                .param("day", day)
                .query(Integer.class)
                .single();
        return new TicketNumber(city, day, next);
    }
}
