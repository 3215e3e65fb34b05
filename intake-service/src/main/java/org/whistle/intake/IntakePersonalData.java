package org.whistle.intake;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.whistle.security.personaldata.PersonalDataRoutes;

/**
 * Routes where Spring Security itself may refuse a caller asking for personal data, so the refusal reaches the
 * access-decision log. The public whistle routes let every caller through and record their own decisions.
 */
@Configuration(proxyBeanMethods = false)
class IntakePersonalData {

    @Bean
    PersonalDataRoutes intakePersonalDataRoutes() {
        return PersonalDataRoutes.builder()
                .route("/internal/whistles/{id}/contact", "reporter-contact")
                .build();
    }
}
