package org.whistle.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.whistle.security.personaldata.PersonalDataRoutes;

/** Routes that answer with what was sent to people: Spring Security's refusals on them reach the access log. */
@Configuration(proxyBeanMethods = false)
class NotificationPersonalData {

    @Bean
    PersonalDataRoutes notificationPersonalDataRoutes() {
        return PersonalDataRoutes.builder()
                .route("GET", "/api/notifications/inbox", "inbox")
                .route("GET", "/api/notifications/deliveries", "deliveries", "whistleId")
                .route("/api/notifications/dev-outbox", "dev-outbox")
                .build();
    }
}
