package org.whistle.orgregistry.organisation.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.orgregistry.access.Callers;
import org.whistle.orgregistry.organisation.OrganisationTree;
import org.whistle.problems.NotFoundException;
import org.whistle.security.personaldata.AccessDecisions;
import org.whistle.security.personaldata.Disclosure;

/**
 * How notification-service texts a unit's duty officer (a 召集 or a 督办): the duty contact in full, to Whistle services
 * holding the {@code SERVICE} role only (the public unit API masks it for them, as for residents), each read recorded
 * in the access-decision log without the number. The copy of the organisation on the bus carries no duty contact.
 */
@RestController
class DutyContactForServicesController {

    record DutyContact(@Nullable String dutyName, String dutyPhone) {}

    private final OrganisationTree tree;
    private final AccessDecisions decisions;

    DutyContactForServicesController(OrganisationTree tree, AccessDecisions decisions) {
        this.tree = tree;
        this.decisions = decisions;
    }

    @GetMapping("/internal/units/{code}/duty-contact")
    @PreAuthorize("hasRole('SERVICE')")
    DutyContact dutyContact(@PathVariable String code, Authentication caller) {
        var decision = decisions
                .about(DutyContacts.RESOURCE, code, "read-duty-contact")
                .by(Callers.of(caller));
        var unit = tree.unit(code).unit();
        if (unit.dutyPhone() == null || unit.dutyPhone().isBlank()) {
            decision.hidden("no-duty-phone-held");
            throw new NotFoundException("duty contact", code);
        }
        decision.disclosed("duty.name", Disclosure.FULL)
                .disclosed("duty.phone", Disclosure.FULL)
                .allowed("service-delivery");
        return new DutyContact(unit.dutyName(), unit.dutyPhone());
    }
}
