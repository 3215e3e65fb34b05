package org.whistle.intake.following.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.intake.following.FollowingWhistles;
import org.whistle.intake.raising.PhoneCipher;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;
import org.whistle.security.personaldata.AccessDecisions;
import org.whistle.security.personaldata.ContactDisclosurePolicy;
import org.whistle.security.personaldata.ContactDisclosurePolicy.Relation;
import org.whistle.security.personaldata.ContactDisclosurePolicy.Whose;
import org.whistle.security.personaldata.Disclosure;

/**
 * How notification-service reaches a reporter who gave only a phone number: the number leaves intake here and
 * nowhere else, to Whistle services holding the {@code SERVICE} role, and every such read is recorded in the
 * access-decision log (who, which whistle, outcome — never the number); callers without the role are refused before
 * this runs, and recorded as such ({@code IntakePersonalData}).
 */
@RestController
class ReporterContactController {

    static final String RESOURCE = "reporter-contact";

    private final FollowingWhistles whistles;
    private final PhoneCipher phones;
    private final AccessDecisions decisions;

    ReporterContactController(FollowingWhistles whistles, PhoneCipher phones, AccessDecisions decisions) {
        this.whistles = whistles;
        this.phones = phones;
        this.decisions = decisions;
    }

    /** A reporter's contact: the phone in full, and a WeChat open id when intake learns one (not yet). */
    record Contact(String phone, @Nullable String wechatOpenId) {}

    @GetMapping("/internal/whistles/{id}/contact")
    @PreAuthorize("hasRole('SERVICE')")
    Contact contact(@PathVariable UUID id, Caller caller) {
        var decision = decisions.about(RESOURCE, id, "read").by(caller);
        var cipher = whistles.find(id).map(whistle -> whistle.phoneCipher()).orElse(null);
        if (cipher == null) {
            decision.hidden("no-phone-held");
            throw new NotFoundException("reporter contact", id.toString());
        }
        // The role check above already holds; the policy says the same in the one place the table lives.
        var how = ContactDisclosurePolicy.decide(Whose.REPORTER, Relation.SERVICE_DELIVERY, caller.roles());
        if (how != Disclosure.FULL) {
            decision.denied("service-delivery-needs-the-service-role");
            throw new org.springframework.security.access.AccessDeniedException("only Whistle services");
        }
        decision.disclosed("reporter.phone", how).allowed("service-delivery");
        return new Contact(phones.decrypt(cipher).digits(), null);
    }
}
