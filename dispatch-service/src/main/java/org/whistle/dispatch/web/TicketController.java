package org.whistle.dispatch.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.dispatch.access.TicketAccess;
import org.whistle.dispatch.queries.TicketQueries;
import org.whistle.dispatch.queries.TicketView;
import org.whistle.dispatch.ticket.ChangingTickets;
import org.whistle.dispatch.ticket.DispatchProperties;
import org.whistle.dispatch.ticket.OrgLookups;
import org.whistle.dispatch.ticket.StoredTicket;
import org.whistle.dispatch.ticket.Tickets;
import org.whistle.dispatch.ticket.domain.ExtensionRequest;
import org.whistle.events.Actor;
import org.whistle.events.TicketId;
import org.whistle.events.WhistleClosed.Outcome;
import org.whistle.events.WhistleId;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.routing.Proposal;
import org.whistle.orgreference.domain.routing.UnitCode;
import org.whistle.problems.ConflictException;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;

/** A ticket's detail and the command centre's actions on it (受理、筛选、派哨、转交、延期、挂账、核查、结案、返工). */
@RestController
@RequestMapping("/api/tickets")
@Tag(name = "tickets", description = "Ticket detail and command-centre actions")
class TicketController {

    private final Tickets tickets;
    private final ChangingTickets changing;
    private final TicketAccess access;
    private final TicketQueries queries;
    private final OrgLookups org;
    private final DispatchProperties properties;

    TicketController(
            Tickets tickets,
            ChangingTickets changing,
            TicketAccess access,
            TicketQueries queries,
            OrgLookups org,
            DispatchProperties properties) {
        this.tickets = tickets;
        this.changing = changing;
        this.access = access;
        this.queries = queries;
        this.org = org;
        this.properties = properties;
    }

    @GetMapping("/{id}")
    @Operation(summary = "A ticket's full detail and timeline, with whether its hash chain is intact")
    TicketView get(@PathVariable UUID id, Caller caller) {
        var stored = tickets.find(new TicketId(id)).orElse(null);
        if (stored == null) {
            access.noSuchTicket(caller, id, "read");
            throw new NotFoundException("ticket", id.toString());
        }
        return shown(caller, stored, "read", access.requireRead(caller, stored, "read"));
    }

    /** The detail as this caller may see it, recorded as shown. */
    private TicketView shown(Caller caller, StoredTicket stored, String action, String rule) {
        var contact = access.contact(caller, stored);
        access.shown(caller, stored, action, rule, contact);
        return TicketView.of(stored, contact);
    }

    @GetMapping("/by-whistle/{whistleId}")
    @Operation(summary = "The ticket made from a whistle")
    TicketView byWhistle(@PathVariable UUID whistleId, Caller caller) {
        var id = tickets.idOfWhistle(new WhistleId(whistleId))
                .orElseThrow(() -> new NotFoundException("ticket of whistle", whistleId.toString()));
        return get(id.value(), caller);
    }

    @GetMapping("/overview")
    @Operation(summary = "Open tickets by level and state, today's raised and closed, by street and unit")
    TicketQueries.Overview overview(@RequestParam String area, Caller caller) {
        access.requireArea(caller, org.pathOf(area), "overview", area);
        return queries.overview(area);
    }

    @GetMapping("/{id}/proposal")
    @Operation(summary = "The units the routing rules propose for this ticket")
    ProposalView proposal(@PathVariable UUID id, Caller caller) {
        var stored = tickets.find(new TicketId(id)).orElseThrow(() -> new NotFoundException("ticket", id.toString()));
        access.requireRead(caller, stored, "read the proposal of");
        var s = stored.snapshot();
        var placement = stored.placement();
        var node = placement.gridId() != null
                ? placement.gridId()
                : placement.streetId() != null
                        ? placement.streetId()
                        : placement.areaPath().getLast();
        return org.copy()
                .propose(s.category().value(), node, s.level())
                .map(ProposalView::of)
                .orElseThrow(() -> new NotFoundException("routing proposal for ticket", id.toString()));
    }

    /** The routing proposal: the rule that chose, the lead, the co-handling units and why. */
    record ProposalView(String rule, String lead, java.util.List<String> coUnits, String why) {
        static ProposalView of(Proposal proposal) {
            return new ProposalView(
                    proposal.rule().value(),
                    proposal.lead().value(),
                    proposal.coUnits().stream().map(u -> u.value()).toList(),
                    proposal.why());
        }
    }

    @PostMapping("/{id}/file")
    @Operation(summary = "受理: accept the whistle as a case")
    TicketView file(@PathVariable UUID id, Caller caller) {
        return act(id, caller, "file", (t, s, actor, now) -> t.file(actor, now));
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "筛选: reject as invalid, with a reason")
    TicketView reject(@PathVariable UUID id, @RequestBody Requests.Reason body, Caller caller) {
        return act(id, caller, "reject", (t, s, actor, now) -> t.reject(body.reason(), actor, now));
    }

    @PostMapping("/{id}/merge")
    @Operation(summary = "筛选: merge into another open ticket")
    TicketView merge(@PathVariable UUID id, @RequestBody Requests.Merge body, Caller caller) {
        return act(id, caller, "merge", (t, s, actor, now) -> {
            var target = tickets.find(new TicketId(body.target()))
                    .filter(stored -> access.sees(caller, stored))
                    .orElseThrow(() -> InvalidInputException.of("into", "no such ticket"));
            t.mergeInto(target.restore(), actor, now);
            // The survivor names the duplicate on its own timeline, in the same transaction.
            changing.change(target.snapshot().id(), RequestTrace.traceId(), (survivor, stored, at) -> {
                survivor.mergedIn(t, actor, at);
            });
        });
    }

    @PostMapping("/{id}/priority")
    TicketView priority(@PathVariable UUID id, @RequestBody Requests.Priority body, Caller caller) {
        return act(id, caller, "set the priority of", (t, s, actor, now) -> t.setPriority(body.priority(), actor, now));
    }

    @PostMapping("/{id}/category")
    TicketView category(@PathVariable UUID id, @RequestBody Requests.Category body, Caller caller) {
        return act(id, caller, "recategorise", (t, s, actor, now) -> {
            if (body.category() == null) {
                throw InvalidInputException.of("category", "is required");
            }
            if (org.copy().category(body.category()).isEmpty()) {
                throw InvalidInputException.of("category", "unknown category " + body.category());
            }
            t.recategorise(CategoryCode.of(body.category()), actor, now);
        });
    }

    @PostMapping("/{id}/summon")
    @Operation(summary = "派哨: summon a lead unit and co-handling units")
    TicketView summon(@PathVariable UUID id, @RequestBody Requests.Summon body, Caller caller) {
        return act(id, caller, "summon units to", (t, s, actor, now) -> {
            var units = body.units();
            for (var unit : units) {
                if (org.copy().unit(unit.value()).filter(u -> u.active()).isEmpty()) {
                    throw InvalidInputException.of("units", "no active unit " + unit);
                }
            }
            t.summon(body.leadUnit(), units, actor, now);
        });
    }

    @PostMapping("/{id}/transfer")
    @Operation(summary = "转交: move to another command centre and/or level")
    TicketView transfer(@PathVariable UUID id, @RequestBody Requests.Transfer body, Caller caller) {
        return act(id, caller, "transfer", (t, s, actor, now) -> {
            var centre = body.centreUnit();
            if (centre != null
                    && org.copy()
                            .unit(centre.value())
                            .filter(u -> "COMMAND_CENTRE".equals(u.kind()))
                            .isEmpty()) {
                throw InvalidInputException.of("centre", "no command centre " + centre);
            }
            t.transfer(centre, body.level(), body.reason(), actor, now);
        });
    }

    @PostMapping("/{id}/extensions/{requestId}/approve")
    @Operation(summary = "延期: approve a unit's pending extension request")
    TicketView approveExtension(@PathVariable UUID id, @PathVariable String requestId, Caller caller) {
        return act(id, caller, "approve an extension on", (t, s, actor, now) -> {
            t.approveExtension(pendingUnit(t, requestId), actor, now);
        });
    }

    @PostMapping("/{id}/extensions/{requestId}/refuse")
    TicketView refuseExtension(
            @PathVariable UUID id, @PathVariable String requestId, @RequestBody Requests.Reason body, Caller caller) {
        return act(id, caller, "refuse an extension on", (t, s, actor, now) -> {
            t.refuseExtension(pendingUnit(t, requestId), body.reason(), actor, now);
        });
    }

    @PostMapping("/{id}/suspend")
    @Operation(summary = "挂账: suspend with a reason; clocks pause")
    TicketView suspend(@PathVariable UUID id, @RequestBody Requests.Reason body, Caller caller) {
        return act(id, caller, "suspend", (t, s, actor, now) -> t.suspend(body.reason(), actor, now));
    }

    @PostMapping("/{id}/resume")
    TicketView resume(@PathVariable UUID id, Caller caller) {
        return act(id, caller, "resume", (t, s, actor, now) -> t.resume(actor, now));
    }

    @PostMapping("/{id}/verify")
    @Operation(summary = "核查: pass, or fail back to rework with a note")
    TicketView verify(@PathVariable UUID id, @RequestBody Requests.Verify body, Caller caller) {
        return act(id, caller, "verify", (t, s, actor, now) -> {
            if (body.pass() == null) {
                throw InvalidInputException.of("pass", "is required");
            }
            if (!body.pass()) {
                t.failVerification(body.note(), body.refs(), actor, now);
                return;
            }
            t.verify(body.note(), body.refs(), actor, now);
            if (t.resolvedThisRound()) {
                // The reporter already said it is fixed (回访 before 核查): the loop closes now.
                t.close(Outcome.RESOLVED, Actor.system("dispatch-service"), now);
            }
        });
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "结案: close a verified ticket (RESOLVED unless told NO_ANSWER)")
    TicketView close(
            @PathVariable UUID id, @RequestBody(required = false) Requests.@Nullable Close body, Caller caller) {
        var outcome = body == null || body.outcome() == null ? Outcome.RESOLVED : body.outcome();
        return act(id, caller, "close", (t, s, actor, now) -> t.close(outcome, actor, now));
    }

    @PostMapping("/{id}/reopen")
    @Operation(summary = "返工: reopen after a \"not fixed\" answer")
    TicketView reopen(@PathVariable UUID id, @RequestBody Requests.Reason body, Caller caller) {
        return act(
                id,
                caller,
                "reopen",
                (t, s, actor, now) -> t.reopen(body.reason(), properties.reopenPolicy(), actor, now));
    }

    @PostMapping("/{id}/supervise")
    @Operation(summary = "督办: a district or city dispatcher orders the unit to finish by a new deadline, with a reason")
    TicketView supervise(@PathVariable UUID id, @RequestBody Requests.Supervise body, Caller caller) {
        return actAbove(id, caller, "supervise", false, (t, s, granted, now) -> {
            t.supervise(false, granted.level(), body.reason(), body.deadline(), granted.actor(), now);
        });
    }

    @PostMapping("/{id}/remind")
    @Operation(summary = "催办: a district or city dispatcher reminds the unit of a new deadline, with a reason")
    TicketView remind(@PathVariable UUID id, @RequestBody Requests.Supervise body, Caller caller) {
        return actAbove(id, caller, "remind", false, (t, s, granted, now) -> {
            t.supervise(true, granted.level(), body.reason(), body.deadline(), granted.actor(), now);
        });
    }

    @PostMapping("/{id}/pull-up")
    @Operation(summary = "提级: a higher level takes the ticket over, with a reason; its centre owns it from now")
    TicketView pullUp(@PathVariable UUID id, @RequestBody Requests.Reason body, Caller caller) {
        return actAbove(id, caller, "pull up", true, (t, s, granted, now) -> {
            var centre = centreAt(s, granted.level());
            t.pullUp(centre, granted.level(), body.reason(), granted.actor(), now);
        });
    }

    @PostMapping("/{id}/hand-down")
    @Operation(summary = "下派: the owning level hands the ticket down to the centre below where it was raised")
    TicketView handDown(@PathVariable UUID id, @RequestBody Requests.HandDown body, Caller caller) {
        return act(id, caller, "hand down", (t, s, actor, now) -> {
            if (body.level() == null) {
                throw InvalidInputException.of("level", "is required");
            }
            t.handDown(centreAt(s, body.level()), body.level(), body.reason(), actor, now);
        });
    }

    @PostMapping("/{id}/tasks/{unit}/withdraw")
    @Operation(summary = "撤回: withdraw a co-handling unit summoned by mistake, with a reason")
    TicketView withdraw(
            @PathVariable UUID id, @PathVariable String unit, @RequestBody Requests.Reason body, Caller caller) {
        return act(
                id,
                caller,
                "withdraw a unit from",
                (t, s, actor, now) -> t.withdraw(UnitCode.of(unit), body.reason(), actor, now));
    }

    @PostMapping("/{id}/lead")
    @Operation(summary = "改派主办: another unit leads from now, without waiting for the lead to decline")
    TicketView replaceLead(@PathVariable UUID id, @RequestBody Requests.ReplaceLead body, Caller caller) {
        return act(id, caller, "replace the lead of", (t, s, actor, now) -> {
            var lead = body.leadUnit();
            if (lead != null
                    && org.copy().unit(lead.value()).filter(u -> u.active()).isEmpty()) {
                throw InvalidInputException.of("lead", "no active unit " + lead);
            }
            t.replaceLead(lead, body.reason(), actor, now);
        });
    }

    /** The command centre at {@code level} for where the whistle was raised (else for the owning centre's area). */
    private UnitCode centreAt(StoredTicket stored, org.whistle.events.CommandLevel level) {
        var placement = stored.placement();
        return org.centreFor(org.nodeOf(placement.gridId(), placement.streetId()), level)
                .or(() -> org.centreAt(stored.snapshot().owningCentre(), level))
                .orElseThrow(() -> new ConflictException("这里没有"
                        + switch (level) {
                            case STREET -> "街道";
                            case DISTRICT -> "县区";
                            case CITY -> "市";
                        }
                        + "指挥中心（工单 " + stored.snapshot().state() + "）"));
    }

    /** An action from above (督办、催办、提级), given the level the caller acts at. */
    @FunctionalInterface
    interface ChangeFromAbove {
        void apply(
                org.whistle.dispatch.ticket.domain.Ticket ticket,
                StoredTicket stored,
                TicketAccess.GrantedAbove granted,
                java.time.Instant now);
    }

    private TicketView actAbove(UUID id, Caller caller, String action, boolean strictlyAbove, ChangeFromAbove change) {
        Objects.requireNonNull(caller, "caller");
        var ticketId = new TicketId(id);
        var rule = new String[1];
        changing.change(ticketId, RequestTrace.traceId(), (ticket, stored, now) -> {
            var granted = access.requireAbove(caller, stored, action, strictlyAbove);
            rule[0] = granted.rule();
            change.apply(ticket, stored, granted, now);
        });
        return shown(caller, tickets.find(ticketId).orElseThrow(), action, rule[0]);
    }

    /** A command-centre action, given the ticket as read, the caller in the post that authorised it, and the time. */
    @FunctionalInterface
    interface CentreChange {
        void apply(
                org.whistle.dispatch.ticket.domain.Ticket ticket,
                StoredTicket stored,
                Actor actor,
                java.time.Instant now);
    }

    private TicketView act(UUID id, Caller caller, String action, CentreChange change) {
        Objects.requireNonNull(caller, "caller");
        var ticketId = new TicketId(id);
        var rule = new String[1];
        changing.change(ticketId, RequestTrace.traceId(), (ticket, stored, now) -> {
            var granted = access.requireCentre(caller, stored, action);
            rule[0] = granted.rule();
            change.apply(ticket, stored, granted.actor(), now);
        });
        return shown(caller, tickets.find(ticketId).orElseThrow(), action, rule[0]);
    }

    /** The unit whose pending request {@code requestId} ({@code UNIT.n}) names. */
    private static UnitCode pendingUnit(org.whistle.dispatch.ticket.domain.Ticket ticket, String requestId) {
        int dot = requestId.lastIndexOf('.');
        if (dot < 1) {
            throw new NotFoundException("extension request", requestId);
        }
        var unit = UnitCode.of(requestId.substring(0, dot));
        int n;
        try {
            n = Integer.parseInt(requestId.substring(dot + 1));
        } catch (NumberFormatException e) {
            throw new NotFoundException("extension request", requestId);
        }
        var requests = ticket.task(unit).map(task -> task.extensions()).orElse(java.util.List.of());
        if (n < 1 || n > requests.size()) {
            throw new NotFoundException("extension request", requestId);
        }
        var request = requests.get(n - 1);
        if (request.status() != ExtensionRequest.Status.PENDING) {
            throw new ConflictException("extension request " + requestId + " is " + request.status() + ", not PENDING"
                    + " (ticket " + ticket.state() + ")");
        }
        return unit;
    }
}
