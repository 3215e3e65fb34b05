package org.whistle.dispatch.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.whistle.security.personaldata.PersonalDataRoutes;

/**
 * Routes whose answers carry a ticket (and so its notes and actors) or a queue: a request Spring Security refuses
 * before {@link TicketAccess} sees it (no token) is recorded like TicketAccess's own refusals.
 */
@Configuration(proxyBeanMethods = false)
class DispatchPersonalData {

    @Bean
    PersonalDataRoutes dispatchPersonalDataRoutes() {
        return PersonalDataRoutes.builder()
                .route("/api/tickets/overview", "overview")
                .route("/api/tickets/by-whistle/{whistleId}", "ticket-of-whistle")
                .route("/api/tickets/{id}", TicketAccess.TICKET)
                .route("/api/tickets/{id}/**", TicketAccess.TICKET)
                .route("/api/queues/units/{unit}", "unit-queue")
                .route("/api/queues/centres/{centre}", "centre-queue")
                .build();
    }
}
