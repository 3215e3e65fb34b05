package org.whistle.orgregistry.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.whistle.security.personaldata.PersonalDataRoutes;

/**
 * Routes that answer with people's names and phones — accounts and units' duty contacts — so that refusals made by
 * the API chain or {@code @PreAuthorize} (no token, not an administrator) reach the access-decision log.
 */
@Configuration(proxyBeanMethods = false)
class OrgRegistryPersonalData {

    static final String ACCOUNT = "account";
    static final String UNIT = "unit";

    @Bean
    PersonalDataRoutes orgRegistryPersonalDataRoutes() {
        return PersonalDataRoutes.builder()
                .route("/api/org/users", ACCOUNT)
                .route("/api/org/users/{id}", ACCOUNT)
                .route("/api/org/users/{id}/**", ACCOUNT)
                .route("/api/org/units", UNIT)
                .route("/api/org/units/{id}", UNIT)
                .route("/api/org/nodes/{code}/units", UNIT)
                .route("/api/org/resolve", UNIT)
                .build();
    }
}
