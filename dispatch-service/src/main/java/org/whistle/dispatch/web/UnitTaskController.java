package org.whistle.dispatch.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.dispatch.access.TicketAccess;
import org.whistle.dispatch.queries.TicketView;
import org.whistle.dispatch.ticket.ChangingTickets;
import org.whistle.dispatch.ticket.DispatchProperties;
import org.whistle.dispatch.ticket.Tickets;
import org.whistle.dispatch.ticket.domain.Ticket;
import org.whistle.events.TicketId;
import org.whistle.orgreference.domain.routing.UnitCode;
import org.whistle.security.Caller;

/** A summoned unit's actions on its own task (报到、到场、进展、先行联系、办结、退回、延期申请). */
@RestController
@RequestMapping("/api/tickets/{id}/tasks/{unit}")
@Tag(name = "unit tasks", description = "A summoned unit's actions on its task")
class UnitTaskController {

    private final Tickets tickets;
    private final ChangingTickets changing;
    private final TicketAccess access;
    private final DispatchProperties properties;

    UnitTaskController(Tickets tickets, ChangingTickets changing, TicketAccess access, DispatchProperties properties) {
        this.tickets = tickets;
        this.changing = changing;
        this.access = access;
        this.properties = properties;
    }

    /** One unit action, given the ticket, the unit's code, the caller in the post that authorised it, and the time. */
    @FunctionalInterface
    interface UnitChange {
        void apply(Ticket ticket, UnitCode unit, org.whistle.events.Actor actor, java.time.Instant now);
    }

    @PostMapping("/report-in")
    @Operation(summary = "报到: the unit acknowledges and takes responsibility")
    TicketView reportIn(@PathVariable UUID id, @PathVariable String unit, Caller caller) {
        return act(id, unit, caller, "report in on", (t, u, actor, now) -> t.reportIn(u, actor, now));
    }

    @PostMapping("/on-site")
    TicketView onSite(@PathVariable UUID id, @PathVariable String unit, Caller caller) {
        return act(id, unit, caller, "mark on site", (t, u, actor, now) -> t.onSite(u, actor, now));
    }

    @PostMapping("/progress")
    TicketView progress(
            @PathVariable UUID id, @PathVariable String unit, @RequestBody Requests.Evidenced body, Caller caller) {
        return act(
                id,
                unit,
                caller,
                "add progress to",
                (t, u, actor, now) -> t.progress(u, body.note(), body.refs(), actor, now));
    }

    @PostMapping("/contacted-reporter")
    TicketView contactedReporter(
            @PathVariable UUID id,
            @PathVariable String unit,
            @RequestBody(required = false) Requests.@Nullable Note body,
            Caller caller) {
        var note = body == null ? null : body.note();
        return act(
                id,
                unit,
                caller,
                "record contacting the reporter on",
                (t, u, actor, now) -> t.contactedReporter(u, note, actor, now));
    }

    @PostMapping("/done")
    @Operation(summary = "办结: report the result with evidence; the lead's done resolves the ticket")
    TicketView done(
            @PathVariable UUID id, @PathVariable String unit, @RequestBody Requests.Evidenced body, Caller caller) {
        return act(
                id,
                unit,
                caller,
                "report done on",
                (t, u, actor, now) -> t.done(u, body.note(), body.refs(), actor, now));
    }

    @PostMapping("/decline")
    @Operation(summary = "退回: not ours, with a reason")
    TicketView decline(
            @PathVariable UUID id, @PathVariable String unit, @RequestBody Requests.Reason body, Caller caller) {
        return act(id, unit, caller, "decline", (t, u, actor, now) -> t.decline(u, body.reason(), actor, now));
    }

    @PostMapping("/extension-requests")
    @Operation(summary = "延期申请: ask for extra time on a clock")
    TicketView requestExtension(
            @PathVariable UUID id,
            @PathVariable String unit,
            @RequestBody Requests.ExtensionAsked body,
            Caller caller) {
        return act(
                id,
                unit,
                caller,
                "request an extension on",
                (t, u, actor, now) -> t.requestExtension(
                        u, body.clock(), body.duration(), body.reason(), properties.extensionPolicy(), actor, now));
    }

    private TicketView act(UUID id, String unit, Caller caller, String action, UnitChange change) {
        Objects.requireNonNull(caller, "caller");
        var ticketId = new TicketId(id);
        var code = UnitCode.of(unit);
        var rule = new String[1];
        changing.change(ticketId, RequestTrace.traceId(), (ticket, stored, now) -> {
            var granted = access.requireUnit(caller, stored, code, action);
            rule[0] = granted.rule();
            change.apply(ticket, code, granted.actor(), now);
        });
        var after = tickets.find(ticketId).orElseThrow();
        // Shown as the ticket stands now: a unit that has just finished its task no longer sees the reporter's number.
        var contact = access.contact(caller, after);
        access.shown(caller, after, action, rule[0], contact);
        return TicketView.of(after, contact);
    }
}
