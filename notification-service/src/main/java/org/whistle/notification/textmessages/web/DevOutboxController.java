package org.whistle.notification.textmessages.web;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.notification.textmessages.DevOutbox;
import org.whistle.security.Caller;
import org.whistle.security.personaldata.AccessDecisions;
import org.whistle.security.personaldata.Disclosure;

/**
 * What the development SMS/WeChat provider would have sent, newest first; for administrators. Addresses are the masked
 * numbers the events carried; refusals are recorded through {@code NotificationPersonalData}. The texts are as the
 * reporter would read them, tracking code included: the dev outbox is the local stack's stand-in for the reporter's own
 * phone, and no real provider ever writes to it.
 */
@RestController
@RequestMapping("/api/notifications/dev-outbox")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class DevOutboxController {

    private final DevOutbox outbox;
    private final AccessDecisions decisions;

    DevOutboxController(DevOutbox outbox, AccessDecisions decisions) {
        this.outbox = outbox;
        this.decisions = decisions;
    }

    @GetMapping
    List<DevOutbox.Entry> latest(@RequestParam(defaultValue = "100") int limit, Caller caller) {
        var latest = outbox.latest(Math.clamp(limit, 1, 500));
        decisions
                .about("dev-outbox", null, "read")
                .by(caller)
                .disclosed("reporter.phone", Disclosure.MASKED)
                .items(latest.size())
                .allowed("administrator");
        return latest;
    }
}
