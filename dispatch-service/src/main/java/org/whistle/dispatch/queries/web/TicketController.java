package org.whistle.dispatch.queries.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.dispatch.access.TicketAccess;
import org.whistle.dispatch.queries.ShowingTickets;
import org.whistle.dispatch.queries.TicketQueries;
import org.whistle.dispatch.queries.TicketView;
import org.whistle.dispatch.ticket.OrgLookups;
import org.whistle.dispatch.ticket.Tickets;
import org.whistle.events.TicketId;
import org.whistle.events.WhistleId;
import org.whistle.orgreference.domain.routing.Proposal;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;

/** A ticket's detail, its routing proposal and an area's overview. */
@RestController
@RequestMapping("/api/tickets")
@Tag(name = "tickets", description = "Ticket detail and command-centre actions")
class TicketController {

    private final Tickets tickets;
    private final ShowingTickets showing;
    private final TicketAccess access;
    private final TicketQueries queries;
    private final OrgLookups org;

    TicketController(
            Tickets tickets, ShowingTickets showing, TicketAccess access, TicketQueries queries, OrgLookups org) {
        this.tickets = tickets;
        this.showing = showing;
        this.access = access;
        this.queries = queries;
        this.org = org;
    }

    @GetMapping("/{id}")
    @Operation(summary = "A ticket's full detail and timeline, with whether its hash chain is intact")
    TicketView get(@PathVariable UUID id, Caller caller) {
        return showing.read(new TicketId(id), caller);
    }

    @GetMapping("/by-whistle/{whistleId}")
    @Operation(summary = "The ticket made from a whistle")
    TicketView byWhistle(@PathVariable UUID whistleId, Caller caller) {
        var id = tickets.idOfWhistle(new WhistleId(whistleId))
                .orElseThrow(() -> new NotFoundException("ticket of whistle", whistleId.toString()));
        return showing.read(id, caller);
    }

    @GetMapping("/overview")
    @Operation(summary = "Open tickets by level and state, today's raised and closed, by street and unit")
    TicketQueries.Overview overview(@RequestParam String area, Caller caller) {
        access.requireArea(caller, org.pathOf(area), "overview", area);
        return queries.overview(area);
    }

    @GetMapping("/points")
    @Operation(
            summary = "The newest open tickets of an area inside a map's view (WGS-84 south, west, north, east), with"
                    + " their points, newest first; `limit` 1–500 (200). Tickets raised without a point are not"
                    + " among them")
    List<TicketQueries.Point> points(
            @RequestParam String area,
            @RequestParam double south,
            @RequestParam double west,
            @RequestParam double north,
            @RequestParam double east,
            @RequestParam(defaultValue = "200") int limit,
            Caller caller) {
        access.requireArea(caller, org.pathOf(area), "ticket-points", area);
        return queries.points(area, new TicketQueries.View(south, west, north, east), limit);
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
    record ProposalView(String rule, String lead, List<String> coUnits, String why) {
        static ProposalView of(Proposal proposal) {
            return new ProposalView(
                    proposal.rule().value(),
                    proposal.lead().value(),
                    proposal.coUnits().stream().map(u -> u.value()).toList(),
                    proposal.why());
        }
    }
}
