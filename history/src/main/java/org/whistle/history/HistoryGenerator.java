package org.whistle.history;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.whistle.events.Actor;
import org.whistle.events.Channel;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.EventData;
import org.whistle.events.EventEnvelope;
import org.whistle.events.EventType;
import org.whistle.events.Location;
import org.whistle.events.Origin;
import org.whistle.events.Rating;
import org.whistle.events.Reporter;
import org.whistle.events.TaskState;
import org.whistle.events.TicketId;
import org.whistle.events.TicketState;
import org.whistle.events.UnitRated;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleFeedback;
import org.whistle.events.WhistleId;
import org.whistle.events.WhistleRaised;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;

/**
 * Generates the demo city's past as the live services would have published it: intake's {@code whistle-raised} and
 * {@code whistle-feedback}, dispatch's {@code whistle-routed}, {@code -reported} and {@code -closed}, sla-service's
 * {@code whistle-escalated} warnings and expiries — every envelope marked {@link Origin#HISTORY}.
 *
 * <p>Deterministic: the same city, seed and arguments give the same cases, ids and events. Realistic in the ways the
 * figures look at: more cases in summer and in the heating season, most raised in working hours, some rejected,
 * merged or handled on the spot, some units late to report in, some cases handled late or reworked, co-handling
 * units that decline, and follow-up answers satisfied, basically satisfied or not. Clocks run round the clock (the
 * demo city's deadline policies name no calendar).
 */
public final class HistoryGenerator {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String CITY_PREFIX = "QQHR";
    /** History numbers its tickets from here each day, apart from the live tickets' sequence that starts at 1. */
    private static final int FIRST_SEQUENCE = 500_001;

    private final City city;
    private final long seed;
    private final Shares shares;

    /**
     * The shares of what happens to cases, each a probability: tests pin them to get every kind of case.
     *
     * @param rejected rejected at triage
     * @param merged merged into an earlier duplicate
     * @param selfHandled raised by the grid worker and handled on the spot
     * @param reportInLate the lead unit reports in after its clock expired
     * @param handledLate handled after the handling clock expired
     * @param reworked verification failed once (返工)
     * @param coHandled a second unit summoned beside the lead
     * @param coDeclines a co-handling unit declines
     * @param followedUp the reporter answers the follow-up
     * @param extended the lead unit asks for more time and the centre extends the handling clock (延期); the unit then
     *     handles it after the first due time but within the extended one
     */
    public record Shares(
            double rejected,
            double merged,
            double selfHandled,
            double reportInLate,
            double handledLate,
            double reworked,
            double coHandled,
            double coDeclines,
            double followedUp,
            double extended) {

        /** Roughly the public reference values of EVALUATION.md: most cases on time, a few late or reworked. */
        public static final Shares TYPICAL = new Shares(0.03, 0.02, 0.08, 0.08, 0.10, 0.05, 0.20, 0.20, 0.85, 0.06);
    }

    public HistoryGenerator(City city, long seed) {
        this(city, seed, Shares.TYPICAL);
    }

    public HistoryGenerator(City city, long seed, Shares shares) {
        this.city = city;
        this.seed = seed;
        this.shares = shares;
    }

    /**
     * The cases raised in the streets on the days {@code from} (inclusive) to {@code to} (exclusive), about {@code
     * perStreetPerDay} per street on an average day; what would have happened after {@code asOf} is left out.
     */
    public List<PlannedCase> generate(
            List<City.Street> streets, LocalDate from, LocalDate to, double perStreetPerDay, Instant asOf) {
        var random = new Random(seed ^ from.toEpochDay() * 0x9E3779B97F4A7C15L);
        var cases = new ArrayList<PlannedCase>();
        var sequences = new HashMap<LocalDate, Integer>();
        var lastTicketOfGrid = new HashMap<String, TicketId>();
        for (var day = from; day.isBefore(to); day = day.plusDays(1)) {
            for (var street : streets) {
                int count = poisson(random, perStreetPerDay * season(day) * weekday(day));
                var raisedTimes = new ArrayList<Instant>();
                for (int i = 0; i < count; i++) {
                    raisedTimes.add(raisedAt(random, day));
                }
                raisedTimes.sort(null);
                for (var raisedAt : raisedTimes) {
                    if (raisedAt.isAfter(asOf)) {
                        continue;
                    }
                    var grid = street.grids().get(random.nextInt(street.grids().size()));
                    int sequence = sequences.merge(day, 1, Integer::sum) + FIRST_SEQUENCE - 1;
                    var planned = new CaseWriter(random, street, grid, raisedAt, asOf)
                            .write(day, sequence, lastTicketOfGrid.get(grid.code()));
                    lastTicketOfGrid.put(grid.code(), planned.ticketId());
                    cases.add(planned);
                }
            }
        }
        return cases;
    }

    /** Every street of the city. */
    public List<PlannedCase> generate(LocalDate from, LocalDate to, double perStreetPerDay, Instant asOf) {
        return generate(city.streets(), from, to, perStreetPerDay, asOf);
    }

    // ---- the shape of a year, a week and a day ------------------------------------------------------------------

    /** Summer brings rain, green and construction; winter the heating season; February the Spring Festival lull. */
    static double season(LocalDate day) {
        return switch (day.getMonth()) {
            case JANUARY, DECEMBER -> 0.9;
            case FEBRUARY -> 0.7;
            case MARCH, NOVEMBER -> 0.95;
            case APRIL, MAY, OCTOBER -> 1.0;
            case JUNE, SEPTEMBER -> 1.15;
            case JULY, AUGUST -> 1.3;
        };
    }

    static double weekday(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0.6 : 1.1;
    }

    /** Seven in ten in working hours (08:30–17:30), the rest between 06:00 and 23:00. */
    private static Instant raisedAt(Random random, LocalDate day) {
        int minute = random.nextDouble() < 0.7 ? 510 + random.nextInt(540) : 360 + random.nextInt(1020);
        return day.atTime(LocalTime.of(minute / 60, minute % 60, random.nextInt(60)))
                .atZone(ZONE)
                .toInstant();
    }

    private static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    private boolean heatingSeason(LocalDate day) {
        int month = day.getMonthValue();
        return month >= 10 || month <= 4;
    }

    // ---- one case ---------------------------------------------------------------------------------------------

    /** An event written, before the case's events are put in time order and numbered. */
    private record Pending(String producer, EventData data, Instant at, UUID id, String traceId) {}

    /** Writes one case's story as events, stopping at {@code asOf}. */
    private final class CaseWriter {
        private final Random random;
        private final City.Street street;
        private final City.Grid grid;
        private final Instant raisedAt;
        private final Instant asOf;
        private final WhistleId whistle;
        private final TicketId ticket;
        private final List<Pending> pending = new ArrayList<>();
        private final Map<String, Integer> clockInstances = new HashMap<>();
        private boolean cut;
        private CommandLevel level = CommandLevel.STREET;
        private TicketState state = TicketState.RAISED;
        private String owner;
        private String ticketNumber = "";
        private City.Category category;
        private Urgency urgency;
        private final List<WhistleRouted.Summons> summons = new ArrayList<>();

        CaseWriter(Random random, City.Street street, City.Grid grid, Instant raisedAt, Instant asOf) {
            this.random = random;
            this.street = street;
            this.grid = grid;
            this.raisedAt = raisedAt;
            this.asOf = asOf;
            this.whistle = new WhistleId(uuid(4));
            this.ticket = new TicketId(uuid(4));
            this.owner = street.centreId();
            this.category = city.categories().getFirst();
            this.urgency = category.urgency();
        }

        PlannedCase write(LocalDate day, int sequence, @Nullable TicketId earlierInGrid) {
            ticketNumber = CITY_PREFIX + "-" + day.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "-"
                    + String.format("%06d", sequence);
            City.Route route = pickCategory(day);
            urgency = category.urgency();
            double roll = random.nextDouble();
            PlannedCase.Fate fate;
            if (roll < shares.rejected()) {
                fate = PlannedCase.Fate.REJECTED;
            } else if (roll < shares.rejected() + shares.merged() && earlierInGrid != null) {
                fate = PlannedCase.Fate.MERGED;
            } else if (roll < shares.rejected() + shares.merged() + shares.selfHandled()) {
                fate = PlannedCase.Fate.SELF_HANDLED;
            } else {
                fate = PlannedCase.Fate.HANDLED;
            }
            boolean byGridWorker = fate == PlannedCase.Fate.SELF_HANDLED || random.nextDouble() < 0.1;
            String reporterRole = byGridWorker ? "GRID_WORKER" : random.nextDouble() < 0.3 ? "RESIDENT" : null;
            var channel = byGridWorker ? Channel.PATROL : channel();
            intake(
                    new WhistleRaised(
                            whistle,
                            channel,
                            category.code(),
                            category.name() + "，请尽快处理",
                            new Location(grid.centre(), grid.name() + "附近"),
                            grid.code(),
                            street.code(),
                            urgency,
                            reporter(reporterRole, channel),
                            List.of(),
                            raisedAt),
                    raisedAt);
            var centre = new Actor("history:dispatcher:" + street.centreId(), street.centreId(), "STREET_DISPATCHER");
            Instant filedAt = null;
            Instant summonedAt = null;
            Instant resolveDue = null;
            boolean resolveWarned = false;
            var parts = new ArrayList<PlannedCase.Part>();
            Instant handledAt = null;
            boolean handledLate = false;
            int reworks = 0;
            int extensions = 0;
            Instant closedAt = null;
            WhistleClosed.Outcome outcome = null;
            PlannedCase.Answer answer = null;

            var fileLimit = city.limit(ClockKind.FILE, category, urgency);
            var triaged = raisedAt.plus(fraction(fileLimit, 0.05, 0.7));
            switch (fate) {
                case REJECTED -> {
                    if (closed(WhistleClosed.Outcome.REJECTED, "无效诉求", null, centre, triaged)) {
                        closedAt = triaged;
                        outcome = WhistleClosed.Outcome.REJECTED;
                    }
                }
                case MERGED -> {
                    if (closed(WhistleClosed.Outcome.MERGED, "重复诉求", earlierInGrid, centre, triaged)) {
                        closedAt = triaged;
                        outcome = WhistleClosed.Outcome.MERGED;
                    }
                }
                case SELF_HANDLED -> {
                    if (routed(WhistleRouted.Action.FILED, TicketState.FILED, null, centre, triaged)) {
                        filedAt = triaged;
                        var done = triaged.plus(minutes(10, 90));
                        if (closed(WhistleClosed.Outcome.RESOLVED, null, null, centre, done)) {
                            closedAt = done;
                            outcome = WhistleClosed.Outcome.RESOLVED;
                        }
                    }
                }
                case HANDLED -> {
                    if (!routed(WhistleRouted.Action.FILED, TicketState.FILED, null, centre, triaged)) {
                        break;
                    }
                    filedAt = triaged;
                    var at = triaged.plus(minutes(1, 20));
                    // the route's co-handling unit, or now and then the street office beside the lead
                    String co = !route.coUnitIds().isEmpty()
                            ? route.coUnitIds().getFirst()
                            : random.nextDouble() < shares.coHandled() ? "QQ-" + street.code() + "-JDB" : null;
                    if (route.leadUnitId().equals(co)) {
                        co = null;
                    }
                    summons.add(new WhistleRouted.Summons(route.leadUnitId(), true, TaskState.SUMMONED));
                    if (co != null) {
                        summons.add(new WhistleRouted.Summons(co, false, TaskState.SUMMONED));
                    }
                    if (!routed(WhistleRouted.Action.SUMMONED, TicketState.DISPATCHED, null, centre, at)) {
                        break;
                    }
                    summonedAt = at;
                    var resolveLimit = city.limit(ClockKind.RESOLVE, category, urgency);
                    var reportInLimit = city.limit(ClockKind.REPORT_IN, category, urgency);
                    resolveDue = summonedAt.plus(resolveLimit);
                    // a late report-in only where the handling clock is long enough not to expire with it
                    boolean leadLate = resolveLimit.compareTo(reportInLimit.multipliedBy(4)) >= 0
                            && random.nextDouble() < shares.reportInLate();
                    boolean late = !leadLate && random.nextDouble() < shares.handledLate();
                    boolean rework = !late && random.nextDouble() < shares.reworked();
                    boolean warned = !late && !rework && random.nextDouble() < 0.15;
                    boolean extend =
                            !leadLate && !late && !rework && !warned && random.nextDouble() < shares.extended();

                    var leadPart = new PartWriter(route.leadUnitId(), true, summonedAt, reportInLimit);
                    var coPart = co != null ? new PartWriter(co, false, summonedAt, reportInLimit) : null;
                    if (coPart != null) {
                        coPart.reportIn(false);
                    }
                    leadPart.reportIn(leadLate);
                    Instant doneAt = null;
                    if (extend && leadPart.reportedInAt != null) {
                        // the lead asks for half the time again before the clock warns; the centre grants it
                        var asked = max(
                                summonedAt.plus(fraction(resolveLimit, 0.3, 0.6)),
                                leadPart.reportedInAt.plusSeconds(60));
                        var extra = Duration.ofSeconds(Math.max(3600, resolveLimit.toSeconds() / 2));
                        if (extended(ClockKind.RESOLVE, route.leadUnitId(), extra, centre, asked)) {
                            var firstDue = resolveDue;
                            resolveDue = resolveDue.plus(extra);
                            extensions = 1;
                            doneAt = firstDue.plus(fraction(extra, 0.1, 0.7));
                        }
                    }
                    if (doneAt == null && late) {
                        doneAt = resolveDue.plus(fraction(resolveLimit, 0.05, 0.6));
                    } else if (doneAt == null && warned) {
                        doneAt = summonedAt.plus(fraction(resolveLimit, 0.82, 0.97));
                    } else if (doneAt == null) {
                        doneAt = summonedAt.plus(fraction(resolveLimit, 0.1, 0.75));
                    }
                    var lastReportIn = coPart != null && coPart.reportedInAt != null
                            ? max(
                                    leadPart.reportedInAt == null ? summonedAt : leadPart.reportedInAt,
                                    coPart.reportedInAt)
                            : leadPart.reportedInAt == null ? summonedAt : leadPart.reportedInAt;
                    doneAt = max(doneAt, lastReportIn.plusSeconds(120));
                    if (leadPart.reportedInAt != null) {
                        var gap = Duration.between(leadPart.reportedInAt, doneAt);
                        leadPart.contacted(leadPart.reportedInAt.plus(
                                least(gap.multipliedBy(15).dividedBy(100), Duration.ofMinutes(30))));
                        leadPart.onSite(leadPart.reportedInAt.plus(
                                least(gap.multipliedBy(30).dividedBy(100), Duration.ofMinutes(40))));
                    }
                    if (coPart != null && coPart.reportedInAt != null) {
                        var gap = Duration.between(coPart.reportedInAt, doneAt);
                        if (random.nextDouble() < shares.coDeclines()) {
                            coPart.decline(coPart.reportedInAt.plus(
                                    gap.multipliedBy(30).dividedBy(100)));
                        } else {
                            coPart.onSite(coPart.reportedInAt.plus(
                                    gap.multipliedBy(20).dividedBy(100)));
                            coPart.done(coPart.reportedInAt.plus(
                                    gap.multipliedBy(60).dividedBy(100)));
                        }
                    }
                    if (late) {
                        var warning = summonedAt.plus(fraction(resolveLimit, 0.8, 0.8));
                        fired(
                                WhistleEscalated.Kind.WARNING,
                                ClockKind.RESOLVE,
                                route.leadUnitId(),
                                summonedAt,
                                resolveDue,
                                warning);
                        resolveWarned = !warning.isAfter(asOf);
                        fired(
                                WhistleEscalated.Kind.ESCALATION,
                                ClockKind.RESOLVE,
                                route.leadUnitId(),
                                summonedAt,
                                resolveDue,
                                resolveDue);
                        raiseLevel(ClockKind.RESOLVE, resolveDue.plusSeconds(1));
                    } else if (warned) {
                        var warning = summonedAt.plus(fraction(resolveLimit, 0.8, 0.8));
                        fired(
                                WhistleEscalated.Kind.WARNING,
                                ClockKind.RESOLVE,
                                route.leadUnitId(),
                                summonedAt,
                                resolveDue,
                                warning);
                        resolveWarned = !warning.isAfter(asOf);
                    }
                    if (leadPart.reportedInAt == null || !leadPart.done(doneAt)) {
                        parts.add(leadPart.part());
                        if (coPart != null) {
                            parts.add(coPart.part());
                        }
                        break;
                    }
                    handledAt = leadPart.doneAt;
                    handledLate = late;
                    var verifyLimit = city.limit(ClockKind.VERIFY, category, urgency);
                    if (rework) {
                        var reopened = handledAt.plus(fraction(verifyLimit, 0.1, 0.7));
                        if (routed(
                                WhistleRouted.Action.REOPENED, TicketState.IN_PROGRESS, "核查未通过，返工", centre, reopened)) {
                            reworks = 1;
                            handledAt = null;
                            var again = reopened.plus(fraction(resolveLimit, 0.05, 0.5));
                            leadPart.doneAt = null;
                            if (leadPart.done(again)) {
                                handledAt = again;
                            }
                        }
                    }
                    parts.add(leadPart.part());
                    if (coPart != null) {
                        parts.add(coPart.part());
                    }
                    if (handledAt == null) {
                        break;
                    }
                    var verified = handledAt.plus(fraction(verifyLimit, 0.05, 0.7));
                    if (!routed(WhistleRouted.Action.VERIFIED, TicketState.VERIFIED, null, centre, verified)) {
                        break;
                    }
                    var followUpLimit = city.limit(ClockKind.FOLLOW_UP, category, urgency);
                    if (random.nextDouble() < shares.followedUp()) {
                        var answeredAt = verified.plus(fraction(followUpLimit, 0.02, 0.7));
                        var rating = answerRating();
                        boolean resolved = switch (rating) {
                            case SATISFIED -> true;
                            case BASICALLY_SATISFIED -> random.nextDouble() < 0.9;
                            case DISSATISFIED -> random.nextDouble() < 0.4;
                        };
                        boolean byPhone = random.nextDouble() < 0.3;
                        if (intake(
                                new WhistleFeedback(
                                        whistle, ticket, rating, resolved, null, answeredAt, byPhone ? centre : null),
                                answeredAt)) {
                            answer = new PlannedCase.Answer(rating, resolved, byPhone, answeredAt);
                            var closing = answeredAt.plus(minutes(5, 120));
                            if (closed(WhistleClosed.Outcome.RESOLVED, null, null, centre, closing)) {
                                closedAt = closing;
                                outcome = WhistleClosed.Outcome.RESOLVED;
                            }
                        }
                    } else {
                        fired(
                                WhistleEscalated.Kind.WARNING,
                                ClockKind.FOLLOW_UP,
                                null,
                                verified,
                                verified.plus(followUpLimit),
                                verified.plus(fraction(followUpLimit, 0.8, 0.8)));
                        var expiry = verified.plus(followUpLimit);
                        fired(WhistleEscalated.Kind.ESCALATION, ClockKind.FOLLOW_UP, null, verified, expiry, expiry);
                        // dispatch's auto-close policy: an unanswered follow-up closes the ticket as NO_ANSWER
                        var closing = expiry.plusSeconds(1);
                        if (closed(
                                WhistleClosed.Outcome.NO_ANSWER,
                                "回访未获答复",
                                null,
                                Actor.system("sla-service"),
                                closing)) {
                            closedAt = closing;
                            outcome = WhistleClosed.Outcome.NO_ANSWER;
                        }
                    }
                }
            }
            return new PlannedCase(
                    whistle,
                    ticket,
                    ticketNumber,
                    category,
                    urgency,
                    grid,
                    street,
                    fate,
                    reporterRole,
                    raisedAt,
                    filedAt,
                    summonedAt,
                    resolveDue,
                    resolveWarned,
                    List.copyOf(parts),
                    handledAt,
                    handledLate,
                    reworks,
                    extensions,
                    closedAt,
                    outcome,
                    answer,
                    envelopes());
        }

        /**
         * The envelopes in the order things happened, each producer's revisions counting up in that order as the
         * live producers' do (the case was written step by step, not always in time order).
         */
        private List<EventEnvelope<?>> envelopes() {
            var ordered = new ArrayList<>(pending);
            ordered.sort(java.util.Comparator.comparing(Pending::at));
            var counters = new HashMap<String, Long>();
            // dispatch stores the raised ticket at revision 1 without publishing it: its first event is revision 2
            counters.put("dispatch-service", 1L);
            var envelopes = new ArrayList<EventEnvelope<?>>();
            for (var p : ordered) {
                var type = EventType.of(p.data());
                envelopes.add(new EventEnvelope<>(
                        p.id(),
                        type.typeName(),
                        type.version(),
                        p.at(),
                        whistle,
                        counters.merge(p.producer(), 1L, Long::sum),
                        p.producer(),
                        p.traceId(),
                        p.data(),
                        Origin.HISTORY));
            }
            return List.copyOf(envelopes);
        }

        /** A category routed to a handling unit here, weighted towards the season's usual troubles. */
        private City.Route pickCategory(LocalDate day) {
            var all = city.categories();
            for (int attempt = 0; attempt < 50; attempt++) {
                var candidate = all.get(random.nextInt(all.size()));
                boolean heating = candidate.code().equals("UTILITIES-HEATING");
                if (heating != heatingSeason(day) && heating) {
                    continue;
                }
                if (candidate.parentCode().equals("EMERGENCY") && random.nextDouble() < 0.7) {
                    continue; // emergencies are rare
                }
                var route = city.route(candidate, grid);
                if (route.isPresent()) {
                    category = candidate;
                    return route.get();
                }
            }
            throw new IllegalStateException("no category is routed to a handling unit in grid " + grid.code());
        }

        private Channel channel() {
            double roll = random.nextDouble();
            return roll < 0.4
                    ? Channel.HOTLINE
                    : roll < 0.65 ? Channel.APP : roll < 0.85 ? Channel.WECHAT : Channel.WEB;
        }

        private Reporter reporter(@Nullable String role, Channel channel) {
            if ("GRID_WORKER".equals(role)) {
                return new Reporter(Reporter.Kind.USER, "history:grid-worker:" + grid.code(), role, null);
            }
            if ("RESIDENT".equals(role)) {
                return new Reporter(
                        Reporter.Kind.USER, "history:resident:" + random.nextInt(100_000), role, maskedPhone());
            }
            return channel == Channel.HOTLINE || random.nextDouble() < 0.7
                    ? new Reporter(Reporter.Kind.PHONE, null, null, maskedPhone())
                    : new Reporter(Reporter.Kind.ANONYMOUS, null, null, null);
        }

        /** Phones only ever travel masked; these are in the demo's fictitious ranges. */
        private String maskedPhone() {
            return (random.nextBoolean() ? "138" : "139") + "****" + String.format("%04d", random.nextInt(100));
        }

        private Rating answerRating() {
            double roll = random.nextDouble();
            return roll < 0.78 ? Rating.SATISFIED : roll < 0.92 ? Rating.BASICALLY_SATISFIED : Rating.DISSATISFIED;
        }

        // ---- events, each only if it happened by asOf --------------------------------------------------------

        private boolean intake(EventData data, Instant at) {
            return emit("intake-service", data, at);
        }

        private boolean routed(
                WhistleRouted.Action action, TicketState to, @Nullable String reason, Actor actor, Instant at) {
            return routed(action, to, null, reason, actor, at);
        }

        /** dispatch's approval of a unit's request for more time on a clock (延期), the ticket's state unchanged. */
        private boolean extended(ClockKind clock, String unit, Duration extra, Actor centre, Instant at) {
            return routed(
                    WhistleRouted.Action.EXTENDED,
                    state,
                    new WhistleRouted.Extension(clock, unit, extra),
                    "现场情况复杂，申请延长办结时限",
                    centre,
                    at);
        }

        private boolean routed(
                WhistleRouted.Action action,
                TicketState to,
                WhistleRouted.@Nullable Extension extension,
                @Nullable String reason,
                Actor actor,
                Instant at) {
            if (!dispatch(
                    new WhistleRouted(
                            whistle,
                            ticket,
                            ticketNumber,
                            action,
                            to,
                            level,
                            owner,
                            category.code(),
                            urgency,
                            List.copyOf(summons),
                            extension,
                            reason,
                            actor,
                            at),
                    at)) {
                return false;
            }
            state = to;
            return true;
        }

        private boolean reported(String unit, boolean lead, WhistleReported.Report report, TaskState task, Instant at) {
            var before = state;
            state = report == WhistleReported.Report.DONE && lead
                    ? TicketState.RESOLVED
                    : state == TicketState.DISPATCHED ? TicketState.IN_PROGRESS : state;
            var ticketState = state;
            if (!dispatch(
                    new WhistleReported(
                            whistle,
                            ticket,
                            unit,
                            report,
                            task,
                            lead,
                            ticketState,
                            report == WhistleReported.Report.DONE ? "已处置完毕" : null,
                            List.of(),
                            new Actor("history:officer:" + unit, unit, "DEPARTMENT_OFFICER"),
                            at),
                    at)) {
                state = before;
                return false;
            }
            return true;
        }

        private boolean closed(
                WhistleClosed.Outcome outcome,
                @Nullable String reason,
                @Nullable TicketId mergedInto,
                Actor actor,
                Instant at) {
            return dispatch(new WhistleClosed(whistle, ticket, outcome, reason, mergedInto, actor, at), at);
        }

        private boolean dispatch(EventData data, Instant at) {
            return emit("dispatch-service", data, at);
        }

        /** An sla-service firing: its clock id counts instances per kind and unit, as the clock sheet does. */
        private boolean fired(
                WhistleEscalated.Kind kind,
                ClockKind clock,
                @Nullable String unit,
                Instant startedAt,
                Instant dueAt,
                Instant firedAt) {
            String clockUnit = clock == ClockKind.REPORT_IN ? unit : null;
            String key = clock + ":" + (clockUnit == null ? "-" : clockUnit);
            int instance = clockInstances.computeIfAbsent(key, k -> 1);
            boolean emitted = emit(
                    "sla-service",
                    new WhistleEscalated(
                            whistle,
                            ticket,
                            kind,
                            clock,
                            whistle.value() + ":" + key + ":" + instance,
                            unit,
                            level,
                            kind == WhistleEscalated.Kind.ESCALATION
                                    ? level.above().orElse(null)
                                    : null,
                            kind == WhistleEscalated.Kind.ESCALATION && level == CommandLevel.CITY,
                            startedAt,
                            dueAt,
                            firedAt),
                    firedAt);
            if (emitted && kind == WhistleEscalated.Kind.ESCALATION) {
                // sla-service starts an expired clock afresh at the level above
                clockInstances.merge(key, 1, Integer::sum);
            }
            return emitted;
        }

        /** Dispatch takes an expiry: the ticket is owned one level up (ClockCurrencyPolicy allowed it). */
        private void raiseLevel(ClockKind clock, Instant at) {
            var above = level.above();
            if (above.isEmpty() || cut || at.isAfter(asOf)) {
                return;
            }
            level = above.get();
            owner = street.districtCentreId();
            routed(
                    WhistleRouted.Action.LEVEL_RAISED,
                    state,
                    clock == ClockKind.REPORT_IN ? "报到超时，上提一级指挥" : "处置超时，上提一级指挥",
                    Actor.system("sla-service"),
                    at);
        }

        private boolean emit(String producer, EventData data, Instant at) {
            if (cut || at.isAfter(asOf)) {
                cut = true;
                return false;
            }
            pending.add(new Pending(producer, data, at, eventId(at), traceId()));
            return true;
        }

        private UUID eventId(Instant at) {
            long msb = (at.toEpochMilli() << 16) | 0x7000L | random.nextInt(0x1000);
            long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(msb, lsb);
        }

        private UUID uuid(int version) {
            long msb = (random.nextLong() & ~0xF000L) | ((long) version << 12);
            long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(msb, lsb);
        }

        private String traceId() {
            return String.format("%016x%016x", random.nextLong(), random.nextLong() | 1);
        }

        private Duration fraction(Duration limit, double low, double high) {
            double share = low + (high - low) * random.nextDouble();
            return Duration.ofSeconds(Math.max(1, Math.round(limit.toSeconds() * share)));
        }

        private Duration minutes(int low, int high) {
            return Duration.ofSeconds(60L * low + random.nextInt(60 * (high - low) + 1));
        }

        private static Instant max(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }

        private static Duration least(Duration a, Duration b) {
            return a.compareTo(b) < 0 ? a : b;
        }

        /** One summoned unit's part as it unfolds. */
        private final class PartWriter {
            final String unit;
            final boolean lead;
            final Instant summonedAt;
            final Duration reportInLimit;

            @Nullable
            Instant reportedInAt;

            boolean reportInLate;

            @Nullable
            Instant onSiteAt;

            @Nullable
            Instant doneAt;

            @Nullable
            Instant declinedAt;

            PartWriter(String unit, boolean lead, Instant summonedAt, Duration reportInLimit) {
                this.unit = unit;
                this.lead = lead;
                this.summonedAt = summonedAt;
                this.reportInLimit = reportInLimit;
            }

            void reportIn(boolean late) {
                var due = summonedAt.plus(reportInLimit);
                Instant at;
                if (late) {
                    fired(
                            WhistleEscalated.Kind.WARNING,
                            ClockKind.REPORT_IN,
                            unit,
                            summonedAt,
                            due,
                            summonedAt.plus(fraction(reportInLimit, 0.8, 0.8)));
                    if (fired(WhistleEscalated.Kind.ESCALATION, ClockKind.REPORT_IN, unit, summonedAt, due, due)) {
                        reportInLate = true;
                    }
                    raiseLevel(ClockKind.REPORT_IN, due.plusSeconds(1));
                    // within the restarted clock's first half, before it could warn again
                    at = due.plus(fraction(reportInLimit, 0.05, 0.5));
                } else {
                    at = summonedAt.plus(fraction(reportInLimit, 0.05, 0.7));
                }
                if (reported(unit, lead, WhistleReported.Report.REPORTED_IN, TaskState.REPORTED_IN, at)) {
                    reportedInAt = at;
                }
            }

            void contacted(Instant at) {
                reported(unit, lead, WhistleReported.Report.CONTACTED_REPORTER, TaskState.REPORTED_IN, at);
            }

            void onSite(Instant at) {
                if (reported(unit, lead, WhistleReported.Report.ON_SITE, TaskState.ON_SITE, at)) {
                    onSiteAt = at;
                }
            }

            boolean done(Instant at) {
                if (reported(unit, lead, WhistleReported.Report.DONE, TaskState.DONE, at)) {
                    doneAt = at;
                    return true;
                }
                return false;
            }

            void decline(Instant at) {
                if (reported(unit, lead, WhistleReported.Report.DECLINED, TaskState.DECLINED, at)) {
                    declinedAt = at;
                }
            }

            PlannedCase.Part part() {
                boolean onTime = reportedInAt != null && !reportInLate;
                int quality = random.nextInt(10);
                var grade = declinedAt != null || quality == 0
                        ? UnitRated.Quality.POOR
                        : quality < 3 ? UnitRated.Quality.FAIR : UnitRated.Quality.GOOD;
                int score = switch (grade) {
                    case GOOD -> 88 + random.nextInt(13);
                    case FAIR -> 72 + random.nextInt(16);
                    case POOR -> 55 + random.nextInt(17);
                };
                if (!onTime) {
                    score -= 10;
                }
                return new PlannedCase.Part(
                        unit,
                        lead,
                        summonedAt,
                        summonedAt.plus(reportInLimit),
                        reportedInAt,
                        reportInLate,
                        onSiteAt,
                        doneAt,
                        declinedAt,
                        new PlannedCase.PlannedRating(
                                onTime,
                                onSiteAt != null,
                                doneAt != null,
                                grade,
                                Math.max(0, score),
                                switch (grade) {
                                    case GOOD -> "响应及时，处置到位";
                                    case FAIR -> "基本完成，仍需改进";
                                    case POOR -> declinedAt != null ? "推诿不接，影响处置" : "处置质量较差";
                                }));
            }
        }
    }
}
