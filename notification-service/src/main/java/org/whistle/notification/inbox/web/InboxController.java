package org.whistle.notification.inbox.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.notification.inbox.AdminAlerts;
import org.whistle.notification.inbox.Inbox;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;
import org.whistle.security.Role;
import org.whistle.security.personaldata.AccessDecisions;

/** The caller's inbox: items to the caller, to the caller's unit, and — for administrators — their alerts. */
@RestController
@RequestMapping("/api/notifications/inbox")
class InboxController {

    private final Inbox inbox;
    private final AccessDecisions decisions;

    InboxController(Inbox inbox, AccessDecisions decisions) {
        this.inbox = inbox;
        this.decisions = decisions;
    }

    /** The inbox page: newest first, with the unread count. */
    record InboxPage(long unread, List<Inbox.Item> items) {}

    @GetMapping
    InboxPage list(
            Caller caller,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "50") int limit) {
        var recipients = recipients(caller);
        var items = inbox.of(recipients, leader(caller), unread, Math.clamp(limit, 1, 200));
        // Items name tickets and units; texts carry no contact, and numbers written into notes arrive masked.
        decisions.about("inbox", null, "read").by(caller).items(items.size()).allowed("own-user-and-unit");
        return new InboxPage(inbox.unread(recipients, leader(caller)), items);
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(Caller caller, @PathVariable long id) {
        if (!inbox.markRead(id, recipients(caller), leader(caller))) {
            throw new NotFoundException("inbox item", Long.toString(id));
        }
    }

    /** A 督办 addressed to a unit's leader is the leader's to read, not the duty officers'. */
    static boolean leader(Caller caller) {
        return caller.unit() != null && caller.has(Role.DEPARTMENT_LEADER);
    }

    static List<String> recipients(Caller caller) {
        var recipients = new ArrayList<String>();
        recipients.add("user:" + caller.subject());
        if (caller.unit() != null) {
            recipients.add("unit:" + caller.unit());
        }
        if (caller.has(Role.ADMINISTRATOR)) {
            recipients.add(AdminAlerts.ADMINISTRATORS);
        }
        return recipients;
    }
}
