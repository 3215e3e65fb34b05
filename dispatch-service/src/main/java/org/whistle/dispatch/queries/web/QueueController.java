package org.whistle.dispatch.queries.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.apidocs.paging.Page;
import org.whistle.dispatch.access.TicketAccess;
import org.whistle.dispatch.queries.QueueExport;
import org.whistle.dispatch.queries.TicketQueries;
import org.whistle.dispatch.ticket.OrgLookups;
import org.whistle.dispatch.ticket.domain.TicketNumber;
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
            summary = "A command centre's tickets by state, level, category, summoned unit (`unit`), ticket number"
                    + " (`number`) or words of the address or description as raised (`text`, 2–50 characters),"
                    + " newest first (sort=raisedAt,asc for oldest first); `view=ACTION`: only what waits for the"
                    + " centre (to file, returned, to verify, to close), oldest first. A page at a time: pass a page's"
                    + " `after` to read the next one (its `next` link)")
    Page<TicketQueries.CentreQueueItem> centre(
            @PathVariable String centre,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String level,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String unit,
            @RequestParam(required = false) @Nullable String number,
            @RequestParam(required = false) @Nullable String view,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) @Nullable String sort,
            Caller caller,
            HttpServletRequest request) {
        access.requireArea(caller, org.areaOf(UnitCode.of(centre)), "centre-queue", centre);
        return queries.centreQueue(centre, filter(state, level, category, unit, number, view, text), after, size, sort)
                .linked(request.getRequestURI(), request.getQueryString());
    }

    @GetMapping("/centres/{centre}/export")
    @Operation(
            summary = "A command centre's queue, narrowed as the queue is (state, level, category, unit, number,"
                    + " view, text), as a file: format=csv (UTF-8) or xlsx; at most 5,000 tickets, a longer queue ends with a"
                    + " line saying so")
    ResponseEntity<byte[]> export(
            @PathVariable String centre,
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String level,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String unit,
            @RequestParam(required = false) @Nullable String number,
            @RequestParam(required = false) @Nullable String view,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable String sort,
            Caller caller) {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw InvalidInputException.of("format", "导出格式须为 csv 或 xlsx");
        }
        access.requireArea(caller, org.areaOf(UnitCode.of(centre)), "centre-queue-export", centre);
        var rows = queries.exportRows(centre, filter(state, level, category, unit, number, view, text), sort);
        var file = QueueExport.of(
                rows, code -> org.copy().category(code).map(c -> c.name()).orElse("其他类别"));
        var today = java.time.LocalDate.now(TicketNumber.ZONE);
        var name = "工单-" + today + "." + format;
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.equals("csv") ? QueueExport.CSV : QueueExport.XLSX))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(format.equals("csv") ? file.csv() : file.xlsx());
    }

    private static TicketQueries.CentreQueueFilter filter(
            @Nullable String state,
            @Nullable String level,
            @Nullable String category,
            @Nullable String unit,
            @Nullable String number,
            @Nullable String view,
            @Nullable String text) {
        if (view != null && !view.equals("ACTION")) {
            throw InvalidInputException.of("view", "只有 ACTION（待指挥中心处理）一种视图");
        }
        return new TicketQueries.CentreQueueFilter(
                state, level, category, blankToNull(unit), blankToNull(number), view != null, blankToNull(text));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
