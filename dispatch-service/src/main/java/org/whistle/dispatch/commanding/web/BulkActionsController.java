package org.whistle.dispatch.commanding.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.dispatch.commanding.CommandingInBulk;
import org.whistle.events.WhistleClosed.Outcome;
import org.whistle.messaging.tracing.EventTracing;
import org.whistle.problems.InvalidInputException;
import org.whistle.security.Caller;

/** 批量受理、派哨、结案: one action on several tickets, each changed as the single action would change it. */
@RestController
@RequestMapping("/api/tickets/bulk")
@Tag(name = "tickets", description = "Ticket detail and command-centre actions")
class BulkActionsController {

    private final CommandingInBulk bulk;
    private final EventTracing tracing;

    BulkActionsController(CommandingInBulk bulk, EventTracing tracing) {
        this.bulk = bulk;
        this.tracing = tracing;
    }

    /**
     * {@code action} FILE, SUMMON (with {@code lead} and optional {@code coUnits}, the same on every ticket) or CLOSE
     * (RESOLVED unless {@code outcome} says NO_ANSWER); {@code tickets} at most 50 ids.
     */
    record Bulk(
            CommandingInBulk.@Nullable Action action,
            @Nullable List<UUID> tickets,
            @Nullable String lead,
            @Nullable List<String> coUnits,
            @Nullable Outcome outcome) {}

    @PostMapping
    @Operation(
            summary = "批量受理、派哨、结案: the same action on up to 50 tickets, each guarded, audited and answered on its"
                    + " own (results: per ticket done and what happened, in Chinese)")
    CommandingInBulk.Answer apply(@RequestBody Bulk body, Caller caller) {
        if (body.action() == null) {
            throw InvalidInputException.of("action", "请选择批量操作：受理、派哨或结案");
        }
        var summons = new Requests.Summon(body.lead(), body.coUnits());
        return bulk.apply(
                body.action(),
                body.tickets() == null ? List.of() : body.tickets(),
                summons.leadUnit(),
                summons.units(),
                body.outcome() == null ? Outcome.RESOLVED : body.outcome(),
                caller,
                tracing.currentTraceId());
    }
}
