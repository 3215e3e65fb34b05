package org.whistle.evaluation.cases.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What one event said about a case, as much as the figures need: no description, no phone, no tracking code. One
 * shape for every kind of event so the facts of a case can be kept in one table and folded in one pass.
 *
 * @param type RAISED, ROUTED, REPORTED, CLOSED, CLOCK, FEEDBACK or SUPERVISED
 * @param action the routing action, the report, the outcome, the clock event's kind (WARNING, ESCALATION), the
 *     supervision's kind
 * @param deadlines clock durations in seconds, by clock kind, as the routing event carried them
 */
public record Fact(
        UUID eventId,
        String type,
        @Nullable String action,
        Instant at,
        long revision,
        @Nullable UUID ticketId,
        @Nullable String ticketNumber,
        @Nullable String categoryCode,
        @Nullable String gridId,
        @Nullable String streetId,
        @Nullable String centreId,
        @Nullable String level,
        @Nullable String state,
        @Nullable String unitId,
        boolean lead,
        List<Summoned> summons,
        @Nullable String clockKind,
        @Nullable String clockId,
        @Nullable Instant dueAt,
        long extraSeconds,
        Map<String, Long> deadlines,
        @Nullable String rating,
        boolean resolved,
        @Nullable String recorderRole,
        @Nullable String reporterRole) {

    public Fact {
        summons = List.copyOf(summons);
        deadlines = Map.copyOf(deadlines);
    }

    /** A unit on the routing event's list of summons. */
    public record Summoned(String unitId, boolean lead) {}

    /** Starts a fact with the fields every event has. */
    public static Builder of(UUID eventId, String type, @Nullable String action, Instant at, long revision) {
        return new Builder(eventId, type, action, at, revision);
    }

    /** Fills the optional fields of a fact by name. */
    public static final class Builder {
        private final UUID eventId;
        private final String type;
        private final @Nullable String action;
        private final Instant at;
        private final long revision;
        private @Nullable UUID ticketId;
        private @Nullable String ticketNumber;
        private @Nullable String categoryCode;
        private @Nullable String gridId;
        private @Nullable String streetId;
        private @Nullable String centreId;
        private @Nullable String level;
        private @Nullable String state;
        private @Nullable String unitId;
        private boolean lead;
        private List<Summoned> summons = List.of();
        private @Nullable String clockKind;
        private @Nullable String clockId;
        private @Nullable Instant dueAt;
        private long extraSeconds;
        private Map<String, Long> deadlines = Map.of();
        private @Nullable String rating;
        private boolean resolved;
        private @Nullable String recorderRole;
        private @Nullable String reporterRole;

        private Builder(UUID eventId, String type, @Nullable String action, Instant at, long revision) {
            this.eventId = eventId;
            this.type = type;
            this.action = action;
            this.at = at;
            this.revision = revision;
        }

        public Builder ticket(@Nullable UUID id, @Nullable String number) {
            this.ticketId = id;
            this.ticketNumber = number;
            return this;
        }

        public Builder category(@Nullable String code) {
            this.categoryCode = code;
            return this;
        }

        public Builder place(@Nullable String grid, @Nullable String street) {
            this.gridId = grid;
            this.streetId = street;
            return this;
        }

        public Builder owner(@Nullable String centre, @Nullable String level) {
            this.centreId = centre;
            this.level = level;
            return this;
        }

        public Builder state(@Nullable String state) {
            this.state = state;
            return this;
        }

        public Builder unit(@Nullable String unit, boolean lead) {
            this.unitId = unit;
            this.lead = lead;
            return this;
        }

        public Builder summons(List<Summoned> summons) {
            this.summons = summons;
            return this;
        }

        public Builder clock(@Nullable String kind, @Nullable String id, @Nullable Instant due) {
            this.clockKind = kind;
            this.clockId = id;
            this.dueAt = due;
            return this;
        }

        public Builder extension(@Nullable String clock, long seconds) {
            this.clockKind = clock;
            this.extraSeconds = seconds;
            return this;
        }

        public Builder deadlines(Map<String, Long> deadlines) {
            this.deadlines = deadlines;
            return this;
        }

        public Builder answer(String rating, boolean resolved, @Nullable String recorderRole) {
            this.rating = rating;
            this.resolved = resolved;
            this.recorderRole = recorderRole;
            return this;
        }

        public Builder reporterRole(@Nullable String role) {
            this.reporterRole = role;
            return this;
        }

        public Fact build() {
            return new Fact(
                    eventId,
                    type,
                    action,
                    at,
                    revision,
                    ticketId,
                    ticketNumber,
                    categoryCode,
                    gridId,
                    streetId,
                    centreId,
                    level,
                    state,
                    unitId,
                    lead,
                    summons,
                    clockKind,
                    clockId,
                    dueAt,
                    extraSeconds,
                    deadlines,
                    rating,
                    resolved,
                    recorderRole,
                    reporterRole);
        }
    }
}
