package org.whistle.dispatch.commanding.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.dispatch.commanding.CommandingTickets;
import org.whistle.dispatch.commanding.CommandingTickets.Asked;
import org.whistle.dispatch.queries.TicketView;
import org.whistle.events.TicketId;
import org.whistle.messaging.tracing.EventTracing;
import org.whistle.orgreference.domain.routing.UnitCode;
import org.whistle.security.Caller;

/** A summoned unit's actions on its own task (报到、到场、进展、先行联系、办结、退回、延期申请). */
@RestController
@RequestMapping("/api/tickets/{id}/tasks/{unit}")
@Tag(name = "unit tasks", description = "A summoned unit's actions on its task")
class UnitTaskController {

    private final CommandingTickets commanding;
    private final EventTracing tracing;

    UnitTaskController(CommandingTickets commanding, EventTracing tracing) {
        this.commanding = commanding;
        this.tracing = tracing;
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
        return commanding.requestExtension(
                asked(id, caller, "request an extension on"),
                UnitCode.of(unit),
                body.clock(),
                body.duration(),
                body.reason());
    }

    private TicketView act(UUID id, String unit, Caller caller, String action, CommandingTickets.UnitChange change) {
        return commanding.asUnit(asked(id, caller, action), UnitCode.of(unit), change);
    }

    private Asked asked(UUID id, Caller caller, String action) {
        return new Asked(new TicketId(id), caller, action, tracing.currentTraceId());
    }
}
