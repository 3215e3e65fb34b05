package org.whistle.dispatch.commanding;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.whistle.dispatch.access.TicketAccess;
import org.whistle.dispatch.queries.ShowingTickets;
import org.whistle.dispatch.queries.TicketView;
import org.whistle.dispatch.ticket.ChangingTickets;
import org.whistle.dispatch.ticket.DispatchProperties;
import org.whistle.dispatch.ticket.OrgLookups;
import org.whistle.dispatch.ticket.StoredTicket;
import org.whistle.dispatch.ticket.Tickets;
import org.whistle.dispatch.ticket.domain.ExtensionRequest;
import org.whistle.dispatch.ticket.domain.Ticket;
import org.whistle.events.Actor;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.EvidenceRef;
import org.whistle.events.TicketId;
import org.whistle.events.Urgency;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.routing.UnitCode;
import org.whistle.problems.ConflictException;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;
import org.whistle.texts.Phrase;

/**
 * The command platform's actions asked for by people, each one use case: authorise the caller against the ticket as
 * read ({@link TicketAccess}), check the organisation facts the action names against the copy of the organisation (a
 * category that exists, an active unit, a command centre, the centre of a level), let the ticket apply its guarded
 * transition, and answer with the ticket as it now stands, shown as this caller may see it. A refusal at any step
 * changes nothing.
 */
@Service
public class CommandingTickets {

    /** Who asks, for which ticket, to do what (the words of the access log), under which trace. */
    public record Asked(TicketId ticket, Caller caller, String action, String traceId) {}

    /** A command-centre change, given the ticket, the ticket as read, the caller in its post, and the time. */
    @FunctionalInterface
    public interface CentreChange {
        void apply(Ticket ticket, StoredTicket stored, Actor actor, Instant now);
    }

    /** A unit's change to its own task, given the ticket, the unit, the caller in its post, and the time. */
    @FunctionalInterface
    public interface UnitChange {
        void apply(Ticket ticket, UnitCode unit, Actor actor, Instant now);
    }

    private final ChangingTickets changing;
    private final Tickets tickets;
    private final TicketAccess access;
    private final ShowingTickets showing;
    private final OrgLookups org;
    private final DispatchProperties properties;

    CommandingTickets(
            ChangingTickets changing,
            Tickets tickets,
            TicketAccess access,
            ShowingTickets showing,
            OrgLookups org,
            DispatchProperties properties) {
        this.changing = changing;
        this.tickets = tickets;
        this.access = access;
        this.showing = showing;
        this.org = org;
        this.properties = properties;
    }

    // ---- the owning command centre ------------------------------------------------------------------------------

    /** An action of the owning centre's dispatchers at the ticket's level. */
    public TicketView asCentre(Asked asked, CentreChange change) {
        var changed = changing.changed(asked.ticket(), asked.traceId(), (ticket, stored, now) -> {
            var granted = access.requireCentre(asked.caller(), stored, asked.action());
            change.apply(ticket, stored, granted.actor(), now);
            return granted.rule();
        });
        return showing.shown(asked.caller(), changed.ticket(), asked.action(), changed.answer());
    }

    /** 筛选: merges into another open ticket the caller sees; the survivor names the duplicate, in one transaction. */
    public TicketView merge(Asked asked, TicketId into) {
        return asCentre(asked, (ticket, stored, actor, now) -> {
            var target = tickets.find(into)
                    .filter(survivor -> access.sees(asked.caller(), survivor))
                    .orElseThrow(() -> InvalidInputException.of("into", Phrase.of("dispatch.refusal.noSuchTicket")));
            ticket.mergeInto(target.restore(), actor, now);
            changing.change(into, asked.traceId(), (survivor, read, at) -> survivor.mergedIn(ticket, actor, at));
        });
    }

    public TicketView recategorise(Asked asked, @Nullable String category) {
        return asCentre(asked, (ticket, stored, actor, now) -> {
            if (category == null) {
                throw InvalidInputException.of("category", Phrase.of("refusal.required"));
            }
            if (org.copy().category(category).isEmpty()) {
                throw InvalidInputException.of("category", Phrase.of("dispatch.refusal.unknownCategory"));
            }
            ticket.recategorise(CategoryCode.of(category), actor, now);
        });
    }

    public TicketView setPriority(Asked asked, Urgency priority) {
        return asCentre(asked, (ticket, stored, actor, now) -> ticket.setPriority(priority, actor, now));
    }

    /** 派哨: every unit summoned must be an active unit. */
    public TicketView summon(Asked asked, @Nullable UnitCode lead, List<UnitCode> units) {
        return asCentre(asked, (ticket, stored, actor, now) -> {
            units.forEach(unit -> requireActive("units", unit));
            ticket.summon(lead, units, actor, now);
        });
    }

    /** 转交: to a command centre (or, without one, to another level of the same). */
    public TicketView transfer(
            Asked asked, @Nullable UnitCode centre, @Nullable CommandLevel level, @Nullable String reason) {
        return asCentre(asked, (ticket, stored, actor, now) -> {
            if (centre != null
                    && org.copy()
                            .unit(centre.value())
                            .filter(unit -> "COMMAND_CENTRE".equals(unit.kind()))
                            .isEmpty()) {
                throw InvalidInputException.of("centre", Phrase.of("dispatch.refusal.unknownCentre"));
            }
            ticket.transfer(centre, level, reason, actor, now);
        });
    }

    /** 改派主办: the new lead must be an active unit. */
    public TicketView replaceLead(Asked asked, @Nullable UnitCode lead, @Nullable String reason) {
        return asCentre(asked, (ticket, stored, actor, now) -> {
            if (lead != null) {
                requireActive("lead", lead);
            }
            ticket.replaceLead(lead, reason, actor, now);
        });
    }

    /** 下派: to the centre of {@code level} where the whistle was raised. */
    public TicketView handDown(Asked asked, @Nullable CommandLevel level, @Nullable String reason) {
        return asCentre(asked, (ticket, stored, actor, now) -> {
            if (level == null) {
                throw InvalidInputException.of("level", Phrase.of("refusal.required"));
            }
            ticket.handDown(centreAt(stored, level), level, reason, actor, now);
        });
    }

    /** 核查: passed (closing at once when the reporter already said it is fixed) or failed back to rework. */
    public TicketView verify(Asked asked, @Nullable Boolean pass, @Nullable String note, List<EvidenceRef> evidence) {
        return asCentre(asked, (ticket, stored, actor, now) -> {
            if (pass == null) {
                throw InvalidInputException.of("pass", Phrase.of("refusal.required"));
            }
            if (pass) {
                ticket.verify(note, evidence, actor, now);
            } else {
                ticket.failVerification(note, evidence, actor, now);
            }
        });
    }

    /** 返工 within the reopen window. */
    public TicketView reopen(Asked asked, @Nullable String reason) {
        return asCentre(
                asked, (ticket, stored, actor, now) -> ticket.reopen(reason, properties.reopenPolicy(), actor, now));
    }

    /** 延期: approves the pending request {@code requestId} ({@code UNIT.n}). */
    public TicketView approveExtension(Asked asked, String requestId) {
        return asCentre(
                asked,
                (ticket, stored, actor, now) -> ticket.approveExtension(pendingUnit(ticket, requestId), actor, now));
    }

    public TicketView refuseExtension(Asked asked, String requestId, @Nullable String reason) {
        return asCentre(
                asked,
                (ticket, stored, actor, now) ->
                        ticket.refuseExtension(pendingUnit(ticket, requestId), reason, actor, now));
    }

    // ---- from above: 督办、催办、提级 -------------------------------------------------------------------------------

    /** 督办 ({@code reminder} false) or 催办 by a district or city dispatcher at or above the ticket's level. */
    public TicketView supervise(Asked asked, boolean reminder, @Nullable String reason, @Nullable Instant dueBy) {
        var changed = changing.changed(asked.ticket(), asked.traceId(), (ticket, stored, now) -> {
            var granted = access.requireAbove(asked.caller(), stored, asked.action(), false);
            ticket.supervise(reminder, granted.level(), reason, dueBy, granted.actor(), now);
            return granted.rule();
        });
        return showing.shown(asked.caller(), changed.ticket(), asked.action(), changed.answer());
    }

    /** 提级: a level above the ticket's takes it over, for its centre where the whistle was raised. */
    public TicketView pullUp(Asked asked, @Nullable String reason) {
        var changed = changing.changed(asked.ticket(), asked.traceId(), (ticket, stored, now) -> {
            var granted = access.requireAbove(asked.caller(), stored, asked.action(), true);
            ticket.pullUp(centreAt(stored, granted.level()), granted.level(), reason, granted.actor(), now);
            return granted.rule();
        });
        return showing.shown(asked.caller(), changed.ticket(), asked.action(), changed.answer());
    }

    // ---- a summoned unit, on its own task ---------------------------------------------------------------------

    public TicketView asUnit(Asked asked, UnitCode unit, UnitChange change) {
        var changed = changing.changed(asked.ticket(), asked.traceId(), (ticket, stored, now) -> {
            var granted = access.requireUnit(asked.caller(), stored, unit, asked.action());
            change.apply(ticket, unit, granted.actor(), now);
            return granted.rule();
        });
        return showing.shown(asked.caller(), changed.ticket(), asked.action(), changed.answer());
    }

    /** 延期申请, within the extension policy. */
    public TicketView requestExtension(
            Asked asked,
            UnitCode unit,
            @Nullable ClockKind clock,
            java.time.@Nullable Duration extraTime,
            @Nullable String reason) {
        return asUnit(
                asked,
                unit,
                (ticket, u, actor, now) ->
                        ticket.requestExtension(u, clock, extraTime, reason, properties.extensionPolicy(), actor, now));
    }

    // ---- the organisation -------------------------------------------------------------------------------------

    private void requireActive(String field, UnitCode unit) {
        if (org.copy().unit(unit.value()).filter(u -> u.active()).isEmpty()) {
            throw InvalidInputException.of(field, Phrase.of("dispatch.refusal.unknownUnit"));
        }
    }

    /** The command centre at {@code level} for where the whistle was raised (else for the owning centre's area). */
    private UnitCode centreAt(StoredTicket stored, CommandLevel level) {
        var placement = stored.placement();
        return org.centreFor(org.nodeOf(placement.gridId(), placement.streetId()), level)
                .or(() -> org.centreAt(stored.snapshot().owningCentre(), level))
                .orElseThrow(() -> new ConflictException(Phrase.of(
                        "dispatch.refusal.noCentreAt",
                        "centre",
                        Phrase.name("centre", level),
                        "state",
                        Phrase.name("ticket.state", stored.snapshot().state()))));
    }

    /** The unit whose pending request {@code requestId} ({@code UNIT.n}) names. */
    private static UnitCode pendingUnit(Ticket ticket, String requestId) {
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
        var requests = ticket.task(unit).map(task -> task.extensions()).orElse(List.of());
        if (n < 1 || n > requests.size()) {
            throw new NotFoundException("extension request", requestId);
        }
        var request = requests.get(n - 1);
        if (request.status() != ExtensionRequest.Status.PENDING) {
            throw new ConflictException(Phrase.of(
                    "dispatch.refusal.extensionAnswered", "state", Phrase.name("ticket.state", ticket.state())));
        }
        return unit;
    }
}
