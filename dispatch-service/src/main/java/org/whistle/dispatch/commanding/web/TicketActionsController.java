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
import org.whistle.events.WhistleClosed.Outcome;
import org.whistle.messaging.tracing.EventTracing;
import org.whistle.orgreference.domain.routing.UnitCode;
import org.whistle.security.Caller;

/** The command centres' actions on a ticket (受理、筛选、派哨、转交、延期、挂账、核查、结案、返工、督办、提级、下派). */
@RestController
@RequestMapping("/api/tickets")
@Tag(name = "tickets", description = "Ticket detail and command-centre actions")
class TicketActionsController {

    private final CommandingTickets commanding;
    private final EventTracing tracing;

    TicketActionsController(CommandingTickets commanding, EventTracing tracing) {
        this.commanding = commanding;
        this.tracing = tracing;
    }

    private Asked asked(UUID id, Caller caller, String action) {
        return new Asked(new TicketId(id), caller, action, tracing.currentTraceId());
    }

    @PostMapping("/{id}/file")
    @Operation(summary = "受理: accept the whistle as a case")
    TicketView file(@PathVariable UUID id, Caller caller) {
        return commanding.asCentre(asked(id, caller, "file"), (t, s, actor, now) -> t.file(actor, now));
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "筛选: reject as invalid, with a reason")
    TicketView reject(@PathVariable UUID id, @RequestBody Requests.Reason body, Caller caller) {
        return commanding.asCentre(
                asked(id, caller, "reject"), (t, s, actor, now) -> t.reject(body.reason(), actor, now));
    }

    @PostMapping("/{id}/merge")
    @Operation(summary = "筛选: merge into another open ticket")
    TicketView merge(@PathVariable UUID id, @RequestBody Requests.Merge body, Caller caller) {
        return commanding.merge(asked(id, caller, "merge"), new TicketId(body.target()));
    }

    @PostMapping("/{id}/priority")
    TicketView priority(@PathVariable UUID id, @RequestBody Requests.Priority body, Caller caller) {
        return commanding.setPriority(asked(id, caller, "set the priority of"), body.priority());
    }

    @PostMapping("/{id}/category")
    TicketView category(@PathVariable UUID id, @RequestBody Requests.Category body, Caller caller) {
        return commanding.recategorise(asked(id, caller, "recategorise"), body.category());
    }

    @PostMapping("/{id}/summon")
    @Operation(summary = "派哨: summon a lead unit and co-handling units")
    TicketView summon(@PathVariable UUID id, @RequestBody Requests.Summon body, Caller caller) {
        return commanding.summon(asked(id, caller, "summon units to"), body.leadUnit(), body.units());
    }

    @PostMapping("/{id}/transfer")
    @Operation(summary = "转交: move to another command centre and/or level")
    TicketView transfer(@PathVariable UUID id, @RequestBody Requests.Transfer body, Caller caller) {
        return commanding.transfer(asked(id, caller, "transfer"), body.centreUnit(), body.level(), body.reason());
    }

    @PostMapping("/{id}/extensions/{requestId}/approve")
    @Operation(summary = "延期: approve a unit's pending extension request")
    TicketView approveExtension(@PathVariable UUID id, @PathVariable String requestId, Caller caller) {
        return commanding.approveExtension(asked(id, caller, "approve an extension on"), requestId);
    }

    @PostMapping("/{id}/extensions/{requestId}/refuse")
    TicketView refuseExtension(
            @PathVariable UUID id, @PathVariable String requestId, @RequestBody Requests.Reason body, Caller caller) {
        return commanding.refuseExtension(asked(id, caller, "refuse an extension on"), requestId, body.reason());
    }

    @PostMapping("/{id}/suspend")
    @Operation(summary = "挂账: suspend with a reason; clocks pause")
    TicketView suspend(@PathVariable UUID id, @RequestBody Requests.Reason body, Caller caller) {
        return commanding.asCentre(
                asked(id, caller, "suspend"), (t, s, actor, now) -> t.suspend(body.reason(), actor, now));
    }

    @PostMapping("/{id}/resume")
    TicketView resume(@PathVariable UUID id, Caller caller) {
        return commanding.asCentre(asked(id, caller, "resume"), (t, s, actor, now) -> t.resume(actor, now));
    }

    @PostMapping("/{id}/verify")
    @Operation(summary = "核查: pass, or fail back to rework with a note")
    TicketView verify(@PathVariable UUID id, @RequestBody Requests.Verify body, Caller caller) {
        return commanding.verify(asked(id, caller, "verify"), body.pass(), body.note(), body.refs());
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "结案: close a verified ticket (RESOLVED unless told NO_ANSWER)")
    TicketView close(
            @PathVariable UUID id, @RequestBody(required = false) Requests.@Nullable Close body, Caller caller) {
        var outcome = body == null || body.outcome() == null ? Outcome.RESOLVED : body.outcome();
        return commanding.asCentre(asked(id, caller, "close"), (t, s, actor, now) -> t.close(outcome, actor, now));
    }

    @PostMapping("/{id}/reopen")
    @Operation(summary = "返工: reopen after a \"not fixed\" answer")
    TicketView reopen(@PathVariable UUID id, @RequestBody Requests.Reason body, Caller caller) {
        return commanding.reopen(asked(id, caller, "reopen"), body.reason());
    }

    @PostMapping("/{id}/supervise")
    @Operation(summary = "督办: a district or city dispatcher orders the unit to finish by a new deadline, with a reason")
    TicketView supervise(@PathVariable UUID id, @RequestBody Requests.Supervise body, Caller caller) {
        return commanding.supervise(asked(id, caller, "supervise"), false, body.reason(), body.deadline());
    }

    @PostMapping("/{id}/remind")
    @Operation(summary = "催办: a district or city dispatcher reminds the unit of a new deadline, with a reason")
    TicketView remind(@PathVariable UUID id, @RequestBody Requests.Supervise body, Caller caller) {
        return commanding.supervise(asked(id, caller, "remind"), true, body.reason(), body.deadline());
    }

    @PostMapping("/{id}/pull-up")
    @Operation(summary = "提级: a higher level takes the ticket over, with a reason; its centre owns it from now")
    TicketView pullUp(@PathVariable UUID id, @RequestBody Requests.Reason body, Caller caller) {
        return commanding.pullUp(asked(id, caller, "pull up"), body.reason());
    }

    @PostMapping("/{id}/hand-down")
    @Operation(summary = "下派: the owning level hands the ticket down to the centre below where it was raised")
    TicketView handDown(@PathVariable UUID id, @RequestBody Requests.HandDown body, Caller caller) {
        return commanding.handDown(asked(id, caller, "hand down"), body.level(), body.reason());
    }

    @PostMapping("/{id}/tasks/{unit}/withdraw")
    @Operation(summary = "撤回: withdraw a co-handling unit summoned by mistake, with a reason")
    TicketView withdraw(
            @PathVariable UUID id, @PathVariable String unit, @RequestBody Requests.Reason body, Caller caller) {
        return commanding.asCentre(
                asked(id, caller, "withdraw a unit from"),
                (t, s, actor, now) -> t.withdraw(UnitCode.of(unit), body.reason(), actor, now));
    }

    @PostMapping("/{id}/lead")
    @Operation(summary = "改派主办: another unit leads from now, without waiting for the lead to decline")
    TicketView replaceLead(@PathVariable UUID id, @RequestBody Requests.ReplaceLead body, Caller caller) {
        return commanding.replaceLead(asked(id, caller, "replace the lead of"), body.leadUnit(), body.reason());
    }
}
