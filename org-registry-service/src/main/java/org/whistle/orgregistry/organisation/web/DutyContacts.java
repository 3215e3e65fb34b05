package org.whistle.orgregistry.organisation.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.whistle.orgregistry.access.Callers;
import org.whistle.orgregistry.organisation.OrganisationTree.UnitView;
import org.whistle.security.personaldata.AccessDecisions;
import org.whistle.security.personaldata.ContactDisclosurePolicy;
import org.whistle.security.personaldata.ContactDisclosurePolicy.Relation;
import org.whistle.security.personaldata.ContactDisclosurePolicy.Whose;

/**
 * Units with their duty contacts (a person's name and phone) as the caller may see them
 * ({@link ContactDisclosurePolicy}, {@link Whose#DUTY_CONTACT}), one access-decision entry per answer.
 */
@Component
class DutyContacts {

    static final String RESOURCE = "unit";

    private final AccessDecisions decisions;

    DutyContacts(AccessDecisions decisions) {
        this.decisions = decisions;
    }

    UnitResponse one(UnitView unit, Authentication authentication, String action) {
        var caller = Callers.of(authentication);
        var how = ContactDisclosurePolicy.decide(Whose.DUTY_CONTACT, Relation.OTHER, caller.roles());
        decisions
                .about(RESOURCE, unit.unit().code(), action)
                .by(caller)
                .disclosed("duty.name", how)
                .disclosed("duty.phone", how)
                .allowed(rule(how));
        return UnitResponse.of(unit, how);
    }

    /** A list: one entry naming what was asked for ({@code within}, a node) and how many units it held. */
    List<UnitResponse> many(List<UnitView> units, Authentication authentication, @Nullable String asked) {
        var caller = Callers.of(authentication);
        var how = ContactDisclosurePolicy.decide(Whose.DUTY_CONTACT, Relation.OTHER, caller.roles());
        decisions
                .about(RESOURCE, asked, "list")
                .by(caller)
                .disclosed("duty.name", how)
                .disclosed("duty.phone", how)
                .items(units.size())
                .allowed(rule(how));
        return units.stream().map(unit -> UnitResponse.of(unit, how)).toList();
    }

    private static String rule(org.whistle.security.personaldata.Disclosure how) {
        return how == org.whistle.security.personaldata.Disclosure.FULL ? "staff" : "not-staff";
    }
}
