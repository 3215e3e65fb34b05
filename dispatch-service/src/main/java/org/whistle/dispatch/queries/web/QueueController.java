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
import org.whistle.problems.InvalidInputException;
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
            summary = "A command centre's tickets by state, level, category, summoned unit (`unit`) or ticket number"
                    + " (`number`), newest first (sort=raisedAt,asc for oldest first); `view=ACTION`: only what waits"
                    + " for the centre (to file, returned, to verify, to close), oldest first. A page at a time: pass"
                    + " a page's `after` to read the next one (its `next` link)")
    TicketQueries.Page<TicketQueries.CentreQueueItem> centre(
            @PathVariable String centre,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String level,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String unit,
            @RequestParam(required = false) @Nullable String number,
            @RequestParam(required = false) @Nullable String view,
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) @Nullable String sort,
            Caller caller,
            HttpServletRequest request) {
        access.requireArea(caller, org.areaOf(UnitCode.of(centre)), "centre-queue", centre);
        if (view != null && !view.equals("ACTION")) {
            throw InvalidInputException.of("view", "只有 ACTION（待指挥中心处理）一种视图");
        }
        var filter = new TicketQueries.CentreQueueFilter(
                state, level, category, blankToNull(unit), blankToNull(number), view != null);
        return queries.centreQueue(centre, filter, after, size, sort)
                .linked(cursor -> UriComponentsBuilder.fromPath(request.getRequestURI())
                        .query(request.getQueryString())
                        .replaceQueryParam("after", cursor)
                        .build()
                        .toUriString());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
