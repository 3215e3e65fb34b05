package org.whistle.dispatch.queries.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.whistle.dispatch.access.TicketAccess;
import org.whistle.dispatch.queries.TicketQueries;
import org.whistle.dispatch.ticket.OrgLookups;
import org.whistle.orgreference.domain.routing.UnitCode;
import org.whistle.security.Caller;

/** Work queues: a unit's open tasks, a command centre's tickets. */
@RestController
@RequestMapping("/api/queues")
@Tag(name = "queues", description = "Work queues of units and command centres")
class QueueController {

    private final TicketQueries queries;
    private final TicketAccess access;
    private final OrgLookups org;

    QueueController(TicketQueries queries, TicketAccess access, OrgLookups org) {
        this.queries = queries;
        this.access = access;
        this.org = org;
    }

    @GetMapping("/units/{unit}")
    @Operation(summary = "A unit's open tasks, urgent first, then the oldest summons")
    List<TicketQueries.UnitQueueItem> unit(@PathVariable String unit, Caller caller) {
        access.requireUnitQueue(caller, unit);
        return queries.unitQueue(unit);
    }

    @GetMapping("/centres/{centre}")
    @Operation(
            summary = "A command centre's tickets by state, level and category, newest first (sort=raisedAt,asc for"
                    + " oldest first), a page at a time: pass a page's `after` to read the next one (its `next` link)")
    TicketQueries.Page<TicketQueries.CentreQueueItem> centre(
            @PathVariable String centre,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String level,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) @Nullable String sort,
            Caller caller,
            HttpServletRequest request) {
        access.requireArea(caller, org.areaOf(UnitCode.of(centre)), "centre-queue", centre);
        return queries.centreQueue(centre, state, level, category, after, size, sort)
                .linked(cursor -> UriComponentsBuilder.fromPath(request.getRequestURI())
                        .query(request.getQueryString())
                        .replaceQueryParam("after", cursor)
                        .build()
                        .toUriString());
    }
}
