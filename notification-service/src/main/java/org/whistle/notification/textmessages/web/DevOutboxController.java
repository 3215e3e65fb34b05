package org.whistle.notification.textmessages.web;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.notification.textmessages.DevOutbox;

/** What the development SMS/WeChat provider would have sent, newest first; for administrators. */
@RestController
@RequestMapping("/api/notifications/dev-outbox")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class DevOutboxController {

    private final DevOutbox outbox;

    DevOutboxController(DevOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    List<DevOutbox.Entry> latest(@RequestParam(defaultValue = "100") int limit) {
        return outbox.latest(Math.clamp(limit, 1, 500));
    }
}
