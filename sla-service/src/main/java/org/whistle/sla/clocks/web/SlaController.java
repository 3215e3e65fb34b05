package org.whistle.sla.clocks.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.events.CommandLevel;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;
import org.whistle.sla.clocks.ClockReadModel;
import org.whistle.sla.clocks.ClockReadModel.SummaryRow;
import org.whistle.sla.clocks.domain.Calendars;

/**
 * The clocks of a ticket and dashboard counts, for those who dispatch, lead or answer summons (read only), each
 * within their scope ({@link ClockAccess}). Each
 * instance holds some partitions; what is not here is fetched from the instance that holds it (its
 * {@code application.server}), with the caller's token, so any instance answers for all.
 */
@RestController
@RequestMapping("/api/sla")
@PreAuthorize("hasAnyRole('STREET_DISPATCHER', 'DISTRICT_DISPATCHER', 'CITY_DISPATCHER', 'LEADER',"
        + " 'DEPARTMENT_OFFICER', 'DEPARTMENT_LEADER')")
class SlaController {

    /** Marks a request one instance sends another, which answers from its own stores only. */
    static final String FORWARDED = "X-Whistle-Sla-Forwarded";

    private final ClockReadModel clocks;
    private final Clock clock;
    private final ClockAccess access;
    private final SlaPeers peers;
    private final Calendars calendars;

    SlaController(ClockReadModel clocks, Clock clock, ClockAccess access, Calendars calendars, SlaPeers peers) {
        this.calendars = calendars;
        this.clocks = clocks;
        this.clock = clock;
        this.access = access;
        this.peers = peers;
    }

    @GetMapping("/tickets/{id}")
    ResponseEntity<?> ticket(
            @PathVariable String id,
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestHeader(name = FORWARDED, required = false) @Nullable String forwarded,
            Caller caller) {
        var local = clocks.ticket(id);
        if (local.isPresent()) {
            if (!access.sees(caller, local.get())) {
                throw new NotFoundException("whistle or ticket", id);
            }
            return ResponseEntity.ok(TicketClocksView.of(local.get(), clock.instant(), calendars));
        }
        if (forwarded == null) {
            var owner = clocks.ownerElsewhere(id);
            var candidates = new ArrayList<HostInfo>();
            owner.ifPresent(candidates::add);
            clocks.otherInstances().stream()
                    .filter(host -> !candidates.contains(host))
                    .forEach(candidates::add);
            for (var host : candidates) {
                var answer = ask(host, "/api/sla/tickets/" + id, authorization, String.class);
                if (answer.isPresent()) {
                    return ResponseEntity.ok()
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(answer.get());
                }
            }
        }
        throw new NotFoundException("whistle or ticket", id);
    }

    @GetMapping("/summary")
    List<SummaryRow> summary(
            @RequestParam(required = false) @Nullable CommandLevel level,
            @RequestParam(required = false) @Nullable String unit,
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestHeader(name = FORWARDED, required = false) @Nullable String forwarded,
            Caller caller) {
        unit = access.summaryUnit(caller, unit);
        var rows = new ArrayList<>(clocks.summary(level, unit, sheet -> access.sees(caller, sheet)));
        if (forwarded == null) {
            var query = "/api/sla/summary?" + (level == null ? "" : "level=" + level + "&")
                    + (unit == null
                            ? ""
                            : "unit=" + java.net.URLEncoder.encode(unit, java.nio.charset.StandardCharsets.UTF_8));
            for (var host : clocks.otherInstances()) {
                ask(host, query, authorization, new ParameterizedTypeReference<List<SummaryRow>>() {})
                        .ifPresentOrElse(rows::addAll, () -> {
                            throw new ClockReadModel.Unavailable("instance " + host + " did not answer", null);
                        });
            }
        }
        return ClockReadModel.merge(rows);
    }

    @ExceptionHandler({ClockReadModel.Unavailable.class, InvalidStateStoreException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Clocks are moving between instances");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }

    private <T> Optional<T> ask(HostInfo host, String path, String authorization, Class<T> type) {
        return peers.ask(host, path, authorization, ParameterizedTypeReference.forType(type));
    }

    private <T> Optional<T> ask(HostInfo host, String path, String authorization, ParameterizedTypeReference<T> type) {
        return peers.ask(host, path, authorization, type);
    }
}
