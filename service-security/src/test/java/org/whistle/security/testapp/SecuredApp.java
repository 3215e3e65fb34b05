package org.whistle.security.testapp;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.security.Caller;
import org.whistle.security.personaldata.AccessDecisions;
import org.whistle.security.personaldata.ContactDisclosurePolicy;
import org.whistle.security.personaldata.ContactDisclosurePolicy.Relation;
import org.whistle.security.personaldata.ContactDisclosurePolicy.Whose;
import org.whistle.security.personaldata.PersonalDataRoutes;

@SpringBootApplication
public class SecuredApp {

    public static final Instant NOW = Instant.parse("2026-05-21T08:30:00Z");

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean
    PersonalDataRoutes personalDataRoutes() {
        return PersonalDataRoutes.builder()
                .route("GET", "/api/people/{id}", "person")
                .route("/api/admin/people/{id}", "person")
                .build();
    }

    @RestController
    static class Echo {

        private final AccessDecisions decisions;

        Echo(AccessDecisions decisions) {
            this.decisions = decisions;
        }

        @GetMapping("/api/me")
        Map<String, Object> me(Caller caller) {
            return Map.of(
                    "subject", caller.subject(),
                    "roles", caller.roles(),
                    "scope", caller.orgScope(),
                    "unit", String.valueOf(caller.unit()),
                    "coversGrid", caller.covers(java.util.List.of("230200", "230225", "230225100", "230225100001001")));
        }

        @GetMapping("/api/dispatch-only")
        @PreAuthorize("hasRole('STREET_DISPATCHER')")
        String dispatchOnly() {
            return "ok";
        }

        /** A person's contact: the owner of the record (subject equal to the id) in full, staff masked, others 404. */
        @GetMapping("/api/people/{id}")
        @PreAuthorize("!hasRole('RESIDENT') or #id == authentication.name")
        Map<String, @Nullable Object> person(@PathVariable String id, Caller caller) {
            if (id.equals("nobody")) {
                decisions.about("person", id, "read").by(caller).hidden("no-such-person");
                throw new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND);
            }
            var relation = id.equals(caller.subject()) ? Relation.SELF : Relation.OTHER;
            var how = ContactDisclosurePolicy.decide(Whose.ACCOUNT_HOLDER, relation, caller.roles());
            decisions
                    .about("person", id, "read")
                    .by(caller)
                    .disclosed("person.phone", how)
                    .disclosed("person.name", how)
                    .allowed(relation == Relation.SELF ? "self" : "staff");
            var person = new java.util.HashMap<String, @Nullable Object>();
            person.put("name", how.name("张桂兰"));
            person.put("phone", how.phone("13912345678"));
            return person;
        }

        /** A check of the service's own that refuses, naming why. */
        @GetMapping("/api/refused-by-the-service")
        String refusedByTheService() {
            throw new org.springframework.security.access.AccessDeniedException(
                    "needs the STREET dispatcher role of the ticket's level");
        }

        /** The same, naming why by catalogue key: worded in the caller's language. */
        @GetMapping("/api/refused-by-key")
        String refusedByKey() {
            throw new org.whistle.security.AccessRefusedException(
                    org.whistle.texts.Phrase.of("problem.status.detail.403"));
        }

        @GetMapping("/api/admin/people/{id}")
        @PreAuthorize("hasRole('ADMINISTRATOR')")
        String adminPerson(@PathVariable String id) {
            return id;
        }
    }
}
