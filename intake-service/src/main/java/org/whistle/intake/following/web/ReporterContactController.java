package org.whistle.intake.following.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.intake.following.FollowingWhistles;
import org.whistle.intake.raising.PhoneCipher;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;

/**
 * How notification-service reaches a reporter who gave only a phone number: the number leaves intake here and
 * nowhere else, to Whistle services holding the {@code SERVICE} role, and every such read is logged (who, which
 * whistle, outcome — never the number).
 */
@RestController
class ReporterContactController {

    private static final Logger log = LoggerFactory.getLogger(ReporterContactController.class);

    private final FollowingWhistles whistles;
    private final PhoneCipher phones;

    ReporterContactController(FollowingWhistles whistles, PhoneCipher phones) {
        this.whistles = whistles;
        this.phones = phones;
    }

    /** A reporter's contact: the phone in full, and a WeChat open id when intake learns one (not yet). */
    record Contact(String phone, @Nullable String wechatOpenId) {}

    @GetMapping("/internal/whistles/{id}/contact")
    @PreAuthorize("hasRole('SERVICE')")
    Contact contact(@PathVariable UUID id, Caller caller) {
        var cipher = whistles.find(id).map(whistle -> whistle.phoneCipher()).orElse(null);
        if (cipher == null) {
            log.info("reporter contact of whistle {} read by {}: none held", id, caller.subject());
            throw new NotFoundException("reporter contact", id.toString());
        }
        log.info("reporter contact of whistle {} read by {}: given", id, caller.subject());
        return new Contact(phones.decrypt(cipher).digits(), null);
    }
}
