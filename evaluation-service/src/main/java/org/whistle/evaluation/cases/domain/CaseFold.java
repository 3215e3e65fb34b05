package org.whistle.evaluation.cases.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Folds the facts of one case into its {@link CaseRecord}. The facts are sorted by when they happened (then by the
 * producer's revision and the event id), so the record depends on the set of facts only, never on the order they
 * arrived in: a duplicate adds nothing, a late event lands where it belongs.
 *
 * <p>On time or late is what sla-service said: a clock is late when its expiry ({@code whistle-escalated}
 * ESCALATION) was announced before it stopped. The due time is the one sla-service announced (with a warning or an
 * expiry); a clock that stopped before its warning was on time and its due time is estimated as its start plus the
 * policy's duration, round the clock.
 */
public final class CaseFold {

    /** The time zone of every date a person reads and every period. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Who may record a follow-up answer for the reporter (电话回访): a command centre's dispatcher. */
    static final Set<String> CENTRE_ROLES = Set.of("STREET_DISPATCHER", "DISTRICT_DISPATCHER", "CITY_DISPATCHER");

    private static final Comparator<Fact> IN_ORDER =
            Comparator.comparing(Fact::at).thenComparingLong(Fact::revision).thenComparing(Fact::eventId);

    private CaseFold() {}

    public static CaseRecord fold(UUID whistleId, List<Fact> unordered) {
        var facts = new ArrayList<>(unordered);
        facts.sort(IN_ORDER);
        var s = new Fold();
        for (var fact : facts) {
            s.apply(fact);
        }
        return s.record(whistleId, facts.size());
    }

    /** The state of the fold while the facts pass. */
    private static final class Fold {
        @Nullable
        UUID ticketId;

        @Nullable
        String ticketNumber;

        @Nullable
        String category;

        @Nullable
        String grid;

        @Nullable
        String street;

        @Nullable
        String centre;

        @Nullable
        String level;

        @Nullable
        String state;

        long stateRevision = -1;

        @Nullable
        String reporterRole;

        @Nullable
        Instant raisedAt;

        @Nullable
        Instant filedAt;

        @Nullable
        Instant dispatchedAt;

        boolean returned;
        boolean transferred;
        boolean everSummoned;

        @Nullable
        Instant handledAt;

        @Nullable
        Instant closedAt;

        @Nullable
        String outcome;

        int reworked;
        int extended;
        int supervised;
        long resolveExtensionSeconds;

        @Nullable
        Instant contactedAt;

        Map<String, Long> deadlines = Map.of();
        final Map<String, Unit> units = new LinkedHashMap<>();
        final Map<String, Clock> clocks = new HashMap<>();
        final Map<Integer, Fact> answers = new HashMap<>();
        int answersIgnored;

        void apply(Fact f) {
            switch (f.type()) {
                case "RAISED" -> raised(f);
                case "ROUTED" -> routed(f);
                case "REPORTED" -> reported(f);
                case "CLOSED" -> closed(f);
                case "CLOCK" -> clock(f);
                case "FEEDBACK" -> feedback(f);
                case "SUPERVISED" -> {
                    if ("ORDER".equals(f.action())) {
                        supervised++;
                    }
                }
                default -> {
                    // a kind this version does not know counts for nothing
                }
            }
            if (f.ticketId() != null) {
                ticketId = f.ticketId();
            }
        }

        private void raised(Fact f) {
            raisedAt = raisedAt == null ? f.at() : raisedAt;
            category = category == null ? f.categoryCode() : category;
            grid = f.gridId();
            street = f.streetId();
            reporterRole = f.reporterRole();
        }

        private void routed(Fact f) {
            ticketNumber = f.ticketNumber();
            if (f.categoryCode() != null) {
                category = f.categoryCode();
            }
            centre = f.centreId();
            level = f.level();
            if (f.revision() >= stateRevision) {
                state = f.state();
                stateRevision = f.revision();
            }
            if (!f.deadlines().isEmpty()) {
                deadlines = f.deadlines();
            }
            switch (String.valueOf(f.action())) {
                case "FILED" -> filedAt = filedAt == null ? f.at() : filedAt;
                case "SUMMONED" -> {
                    dispatchedAt = dispatchedAt == null ? f.at() : dispatchedAt;
                    everSummoned = true;
                    for (var summoned : f.summons()) {
                        var unit = units.computeIfAbsent(summoned.unitId(), id -> new Unit(id, f.at()));
                        unit.lead = summoned.lead();
                    }
                }
                case "TRANSFERRED" -> transferred = true;
                case "RETURNED" -> returned = true;
                case "EXTENDED" -> {
                    extended++;
                    if ("RESOLVE".equals(f.clockKind())) {
                        resolveExtensionSeconds += f.extraSeconds();
                    }
                }
                case "REOPENED" -> {
                    reworked++;
                    // a new round of handling: the case is handled again when the lead reports done again
                    handledAt = null;
                }
                default -> {}
            }
        }

        private void reported(Fact f) {
            if (f.revision() >= stateRevision && f.state() != null) {
                state = f.state();
                stateRevision = f.revision();
            }
            var unitId = f.unitId();
            if (unitId == null) {
                return;
            }
            var unit = units.computeIfAbsent(unitId, id -> new Unit(id, f.at()));
            switch (String.valueOf(f.action())) {
                case "REPORTED_IN" -> unit.reportedInAt = first(unit.reportedInAt, f.at());
                case "ON_SITE" -> unit.onSiteAt = first(unit.onSiteAt, f.at());
                case "CONTACTED_REPORTER" -> contactedAt = first(contactedAt, f.at());
                case "DONE" -> {
                    unit.doneAt = f.at();
                    if (f.lead() && handledAt == null) {
                        handledAt = f.at();
                    }
                }
                case "DECLINED" -> unit.declinedAt = f.at();
                default -> {}
            }
        }

        private void closed(Fact f) {
            closedAt = f.at();
            outcome = f.action();
            state = "REJECTED".equals(outcome) ? "REJECTED" : "MERGED".equals(outcome) ? "MERGED" : "CLOSED";
            stateRevision = Long.MAX_VALUE;
        }

        private void clock(Fact f) {
            var kind = f.clockKind();
            if (kind == null) {
                return;
            }
            // Only a report-in clock is a unit's own; sla-service names the lead as the late unit of the ticket's
            // contact and resolve clocks, which are still the ticket's one clock of their kind.
            var key = kind + ":" + ("REPORT_IN".equals(kind) && f.unitId() != null ? f.unitId() : "-");
            var clock = clocks.computeIfAbsent(key, k -> new Clock());
            if (f.dueAt() != null && (clock.dueAt == null || f.dueAt().isAfter(clock.dueAt))) {
                clock.dueAt = f.dueAt();
            }
            if ("ESCALATION".equals(f.action()) && clock.expiredAt == null) {
                clock.expiredAt = f.dueAt() != null ? f.dueAt() : f.at();
                clock.expiredId = f.clockId();
            }
        }

        private void feedback(Fact f) {
            var recorder = f.recorderRole();
            if (recorder != null && !CENTRE_ROLES.contains(recorder)) {
                answersIgnored++;
                return;
            }
            // the round is the number of reworks before the answer: one answer counts per case and round
            if (answers.putIfAbsent(reworked, f) != null) {
                answersIgnored++;
            }
        }

        CaseRecord record(UUID whistleId, int factCount) {
            var file = clocks.get("FILE:-");
            var resolve = clocks.get("RESOLVE:-");
            var verify = clocks.get("VERIFY:-");
            var contact = clocks.get("CONTACT_REPORTER:-");
            boolean fileLate = filedAt != null && expiredBy(file, filedAt);
            @Nullable Instant fileDue = file != null ? file.dueAt : plus(raisedAt, deadlines.get("FILE"), 0);
            String dueSource;
            @Nullable Instant handleDue;
            if (dispatchedAt == null) {
                dueSource = "NONE";
                handleDue = null;
            } else if (resolve != null && resolve.dueAt != null) {
                dueSource = "SLA";
                handleDue = resolve.dueAt;
            } else {
                dueSource = "ESTIMATED";
                handleDue = plus(dispatchedAt, deadlines.get("RESOLVE"), resolveExtensionSeconds);
            }
            boolean handledLate = handledAt != null
                    && (expiredBy(resolve, handledAt)
                            || ("SLA".equals(dueSource) && handleDue != null && handledAt.isAfter(handleDue)));
            @Nullable String decidingClock = handledLate && resolve != null ? resolve.expiredId : null;
            boolean verifyLate = verify != null && verify.expiredAt != null;
            boolean closed = "RESOLVED".equals(outcome) || "NO_ANSWER".equals(outcome);
            boolean signedFor = units.values().stream().anyMatch(u -> u.reportedInAt != null);
            boolean respondedOnTime = signedFor && contactedAt != null && !expiredBy(contact, contactedAt);
            @Nullable
            Fact answer = answers.isEmpty()
                    ? null
                    : answers.get(
                            answers.keySet().stream().max(Integer::compare).orElseThrow());
            @Nullable
            String lead = units.values().stream()
                    .filter(u -> u.lead)
                    .map(u -> u.unitId)
                    .reduce((a, b) -> b)
                    .orElse(null);
            @Nullable
            String exempt = "REJECTED".equals(outcome) ? "无效诉求，已驳回" : "MERGED".equals(outcome) ? "重复诉求，已合并到另一案件" : null;
            Instant basis = handleDue != null ? handleDue : fileDue != null ? fileDue : raisedAt;
            if (basis == null) {
                basis = dispatchedAt != null ? dispatchedAt : closedAt != null ? closedAt : Instant.EPOCH;
            }
            var unitRecords = new ArrayList<CaseRecord.UnitRecord>();
            for (var unit : units.values()) {
                var clock = clocks.get("REPORT_IN:" + unit.unitId);
                Instant due;
                String source;
                if (clock != null && clock.dueAt != null) {
                    due = clock.dueAt;
                    source = "SLA";
                } else {
                    var estimated = plus(unit.summonedAt, deadlines.get("REPORT_IN"), 0);
                    due = estimated != null ? estimated : unit.summonedAt;
                    source = estimated != null ? "ESTIMATED" : "NONE";
                }
                boolean late = clock != null
                        && clock.expiredAt != null
                        && (unit.reportedInAt == null || !unit.reportedInAt.isBefore(clock.expiredAt));
                unitRecords.add(new CaseRecord.UnitRecord(
                        unit.unitId,
                        unit.lead,
                        unit.summonedAt,
                        due,
                        source,
                        unit.reportedInAt,
                        late,
                        unit.onSiteAt,
                        unit.doneAt,
                        unit.declinedAt,
                        LocalDate.ofInstant(due, ZONE)));
            }
            return new CaseRecord(
                    whistleId,
                    ticketId,
                    ticketNumber,
                    category,
                    grid,
                    street,
                    grid != null ? grid : street,
                    centre,
                    level,
                    state,
                    reporterRole,
                    raisedAt,
                    filedAt,
                    fileDue,
                    fileLate,
                    dispatchedAt,
                    returned,
                    transferred,
                    lead,
                    handledAt,
                    handleDue,
                    dueSource,
                    resolve != null ? resolve.expiredAt : null,
                    handledLate,
                    decidingClock,
                    closedAt,
                    outcome,
                    closed && !handledLate && !verifyLate,
                    reworked,
                    extended,
                    supervised,
                    "GRID_WORKER".equals(reporterRole) && !everSummoned && "RESOLVED".equals(outcome),
                    signedFor,
                    contactedAt,
                    respondedOnTime,
                    answer != null,
                    answer != null && answer.resolved(),
                    answer != null ? answer.rating() : null,
                    answer != null && answer.recorderRole() != null,
                    answer != null
                            ? answers.keySet().stream().max(Integer::compare).orElseThrow()
                            : null,
                    answersIgnored,
                    exempt,
                    LocalDate.ofInstant(basis, ZONE),
                    factCount,
                    unitRecords);
        }

        private static boolean expiredBy(@Nullable Clock clock, Instant stoppedAt) {
            return clock != null && clock.expiredAt != null && !stoppedAt.isBefore(clock.expiredAt);
        }

        private static @Nullable Instant plus(@Nullable Instant from, @Nullable Long seconds, long extra) {
            if (from == null || seconds == null) {
                return null;
            }
            return from.plus(Duration.ofSeconds(seconds + extra));
        }

        private static Instant first(@Nullable Instant known, Instant at) {
            return known == null || at.isBefore(known) ? at : known;
        }
    }

    private static final class Unit {
        final String unitId;
        final Instant summonedAt;
        boolean lead;

        @Nullable
        Instant reportedInAt;

        @Nullable
        Instant onSiteAt;

        @Nullable
        Instant doneAt;

        @Nullable
        Instant declinedAt;

        Unit(String unitId, Instant summonedAt) {
            this.unitId = unitId;
            this.summonedAt = summonedAt;
        }
    }

    private static final class Clock {
        @Nullable
        Instant dueAt;

        @Nullable
        Instant expiredAt;

        @Nullable
        String expiredId;
    }
}
