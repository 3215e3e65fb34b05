package org.whistle.intake.following.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.intake.following.FollowingWhistles;
import org.whistle.intake.raising.PhoneCipher;
import org.whistle.intake.raising.ReporterCodes;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;
import org.whistle.security.personaldata.AccessDecisions;
import org.whistle.security.personaldata.ContactDisclosurePolicy;
import org.whistle.security.personaldata.ContactDisclosurePolicy.Relation;
import org.whistle.security.personaldata.ContactDisclosurePolicy.Whose;
import org.whistle.security.personaldata.Disclosure;

/**
 * How notification-service reaches a reporter by text: their phone number or, for a reporter who signed in through
 * WeChat, their WeChat open id (ADR 0046). The number and the reporter's tracking
 * code (for the messages to that phone) leave intake here and nowhere else, to Whistle services holding the {@code SERVICE} role, and every such read is recorded in the
 * access-decision log (who, which whistle, outcome — never the number); callers without the role are refused before
 * this runs, and recorded as such ({@code IntakePersonalData}).
 */
@RestController
class ReporterContactController {

    static final String RESOURCE = "reporter-contact";

    private final FollowingWhistles whistles;
    private final PhoneCipher phones;
    private final AccessDecisions decisions;
    private final ReporterCodes codes;

    ReporterContactController(
            FollowingWhistles whistles, PhoneCipher phones, AccessDecisions decisions, ReporterCodes codes) {
        this.whistles = whistles;
        this.phones = phones;
        this.decisions = decisions;
        this.codes = codes;
    }

    /**
     * A reporter's contact: the phone in full (when they gave one), their WeChat open id (when they raised the whistle
     * signed in through WeChat), and the reporter's tracking code for the messages to them — absent for a whistle
     * raised before codes were derived (ADR 0018).
     */
    record Contact(
            @Nullable String phone,
            @Nullable String wechatOpenId,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String trackingCode) {}

    @GetMapping("/internal/whistles/{id}/contact")
    @PreAuthorize("hasRole('SERVICE')")
    Contact contact(@PathVariable UUID id, Caller caller) {
        var decision = decisions.about(RESOURCE, id, "read").by(caller);
        var whistle = whistles.find(id);
        var cipher = whistle.map(found -> found.phoneCipher()).orElse(null);
        var openId =
                whistle.isEmpty() ? null : whistles.reporterWechatOpenId(id).orElse(null);
        if (cipher == null && openId == null) {
            decision.hidden("no-phone-or-wechat-held");
            throw new NotFoundException("reporter contact", id.toString());
        }
        // The role check above already holds; the policy says the same in the one place the table lives.
        var how = ContactDisclosurePolicy.decide(Whose.REPORTER, Relation.SERVICE_DELIVERY, caller.roles());
        if (how != Disclosure.FULL) {
            decision.denied("service-delivery-needs-the-service-role");
            throw new org.springframework.security.access.AccessDeniedException("only Whistle services");
        }
        var held = whistle.orElseThrow();
        var code = codes.recover(held.id(), held.raisedAt(), held.trackingCodeHash());
        if (cipher != null) {
            decision.disclosed("reporter.phone", how);
        }
        if (openId != null) {
            decision.disclosed("reporter.wechat", how);
        }
        decision.disclosed("reporter.trackingCode", code.isPresent() ? Disclosure.FULL : Disclosure.NONE)
                .allowed("service-delivery");
        return new Contact(cipher == null ? null : phones.decrypt(cipher).digits(), openId, code.orElse(null));
    }
}
