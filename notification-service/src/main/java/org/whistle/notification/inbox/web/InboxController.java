package org.whistle.notification.inbox.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.apidocs.paging.Page;
import org.whistle.notification.InputBounds;
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

    /**
     * A page of the inbox, newest first, with the unread count: the shared page's fields ({@link Page}: {@code items},
     * {@code size}, {@code after}, {@code next}) beside {@code unread}.
     */
    record InboxPage(
            long unread,
            List<Inbox.Item> items,
            int size,
            @Nullable String after,
            @Nullable String next) {}

    @GetMapping
    @Operation(
            summary = "The caller's inbox, newest first, a page at a time: pass a page's `after` to read the next one"
                    + " (its `next` link); `size` 1–200, 50 unless given")
    InboxPage list(
            Caller caller,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) @Nullable Long after,
            @RequestParam(required = false) @Nullable Integer size,
            @Parameter(deprecated = true, description = "the older name of `size`")
                    @RequestParam(required = false)
                    @Nullable
                    Integer limit,
            HttpServletRequest request) {
        // `limit`, from before pages, is still cut to the largest page as it always was; `size` is refused beyond it.
        int pageSize =
                size == null && limit != null ? Math.clamp(limit, 1, InputBounds.PAGE) : InputBounds.pageSize(size, 50);
        var recipients = recipients(caller);
        var rows = inbox.of(recipients, leader(caller), unread, after, pageSize + 1);
        var page = Page.of(rows, pageSize, item -> Long.toString(item.id()))
                .linked(request.getRequestURI(), request.getQueryString());
        // Items name tickets and units; texts carry no contact, and numbers written into notes arrive masked.
        decisions
                .about("inbox", null, "read")
                .by(caller)
                .items(page.items().size())
                .allowed("own-user-and-unit");
        return new InboxPage(
                inbox.unread(recipients, leader(caller)), page.items(), page.size(), page.after(), page.next());
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
