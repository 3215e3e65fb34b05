package org.whistle.dispatch.commanding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.whistle.dispatch.access.TicketAccess;
import org.whistle.dispatch.commanding.CommandingTickets.Asked;
import org.whistle.dispatch.ticket.Tickets;
import org.whistle.events.TicketId;
import org.whistle.events.WhistleClosed.Outcome;
import org.whistle.orgreference.domain.routing.UnitCode;
import org.whistle.problems.ConflictException;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;

/**
 * 批量受理、派哨、结案: one action asked for several tickets at once. Each ticket is changed exactly as the single action
 * would change it — its own authorisation, guarded transition, transaction, timeline entry, event and access-log line
 * — one after the other, so a refusal on one ticket changes nothing on it and nothing on the others. The answer says
 * per ticket, in Chinese, what happened.
 */
@Service
public class CommandingInBulk {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CommandingInBulk.class);

    /** At most this many tickets per request: a screenful of a queue, and a bounded request. */
    public static final int MAX_TICKETS = 50;

    /** The actions offered in bulk: the three a centre repeats over a full queue. */
    public enum Action {
        FILE("受理"),
        SUMMON("派哨"),
        CLOSE("结案");

        private final String words;

        Action(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** What one ticket's action came to: {@code done}, and what to tell the dispatcher. */
    public record Result(String ticketId, @Nullable String number, boolean done, String message) {}

    /** The answer: one result per ticket asked about, in the order asked, and how many were done. */
    public record Answer(String action, int done, int refused, List<Result> results) {}

    private final CommandingTickets commanding;
    private final Tickets tickets;
    private final TicketAccess access;

    CommandingInBulk(CommandingTickets commanding, Tickets tickets, TicketAccess access) {
        this.commanding = commanding;
        this.tickets = tickets;
        this.access = access;
    }

    /**
     * Applies {@code action} to every ticket in {@code ids} (at most {@link #MAX_TICKETS}, duplicates once): 受理,
     * 派哨 to {@code lead} and {@code units} (the same summons on every ticket), or 结案 as {@code outcome}.
     */
    public Answer apply(
            Action action,
            List<UUID> ids,
            @Nullable UnitCode lead,
            List<UnitCode> units,
            Outcome outcome,
            Caller caller,
            String traceId) {
        access.requireDispatcher(caller, "bulk " + action.name().toLowerCase(java.util.Locale.ROOT));
        if (ids.isEmpty()) {
            throw InvalidInputException.of("tickets", "请至少选择一张工单");
        }
        if (ids.size() > MAX_TICKETS) {
            throw InvalidInputException.of("tickets", "一次最多处理 " + MAX_TICKETS + " 张工单");
        }
        if (action == Action.SUMMON && units.isEmpty()) {
            throw InvalidInputException.of("lead", "批量派哨须指定主办单位");
        }
        var results = new ArrayList<Result>();
        for (var id : new LinkedHashSet<>(ids)) {
            results.add(one(action, new TicketId(id), lead, units, outcome, caller, traceId));
        }
        var done = (int) results.stream().filter(Result::done).count();
        return new Answer(action.name(), done, results.size() - done, List.copyOf(results));
    }

    private Result one(
            Action action,
            TicketId id,
            @Nullable UnitCode lead,
            List<UnitCode> units,
            Outcome outcome,
            Caller caller,
            String traceId) {
        try {
            var shown = switch (action) {
                case FILE ->
                    commanding.asCentre(
                            new Asked(id, caller, "file", traceId), (t, s, actor, now) -> t.file(actor, now));
                case SUMMON -> commanding.summon(new Asked(id, caller, "summon units to", traceId), lead, units);
                case CLOSE ->
                    commanding.asCentre(
                            new Asked(id, caller, "close", traceId),
                            (t, s, actor, now) -> t.close(outcome, actor, now));
            };
            return new Result(id.toString(), shown.number(), true, "已" + action.words());
        } catch (NotFoundException e) {
            return new Result(id.toString(), null, false, "未找到这张工单，或您无权查看");
        } catch (AccessDeniedException e) {
            return new Result(
                    id.toString(), number(id, caller), false, "未" + action.words() + "：您无权对这张工单" + action.words());
        } catch (ConflictException e) {
            return new Result(id.toString(), number(id, caller), false, "未" + action.words() + "：" + e.getMessage());
        } catch (InvalidInputException e) {
            var why = e.violations().stream()
                    .map(v -> v.message())
                    .reduce((a, b) -> a + "；" + b)
                    .orElse("");
            return new Result(id.toString(), number(id, caller), false, "未" + action.words() + "：" + why);
        } catch (RuntimeException e) {
            // One ticket's failure (a database hiccup) must not hide what happened to the others: its change rolled
            // back on its own, and the answer says to try it again.
            log.warn("bulk {} of ticket {} failed", action, id, e);
            return new Result(id.toString(), null, false, "未" + action.words() + "：处理时出错，这张工单未作改动，请稍后重试");
        }
    }

    /** The ticket's number when the caller may see the ticket (a refusal must not reveal a hidden one). */
    private @Nullable String number(TicketId id, Caller caller) {
        return tickets.find(id)
                .filter(stored -> access.sees(caller, stored))
                .map(stored -> stored.snapshot().number().format())
                .orElse(null);
    }
}
