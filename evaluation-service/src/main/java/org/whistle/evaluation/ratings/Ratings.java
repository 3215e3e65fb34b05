package org.whistle.evaluation.ratings;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.evaluation.ratings.domain.Assessment;
import org.whistle.evaluation.ratings.domain.RatingId;
import org.whistle.evaluation.ratings.domain.UnitRating;
import org.whistle.evaluation.ratings.domain.UnitRating.Status;
import org.whistle.evaluation.ratings.domain.UnitRating.Step;
import org.whistle.events.EventEnvelope;
import org.whistle.events.TraceIds;
import org.whistle.messaging.outbox.Outbox;
import org.whistle.problems.NotFoundException;
import org.whistle.security.AccessRefusedException;
import org.whistle.security.Caller;
import org.whistle.texts.Phrase;

/**
 * The ratings' use cases: each change checks who acts, applies the aggregate's transition, saves it with its audit
 * row and, for a rating or a decision, appends {@code unit-rated} to the outbox, all in one transaction.
 */
@Service
public class Ratings {

    static final String PRODUCER = "evaluation-service";

    private final RatingStore store;
    private final RatingAccess access;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    Ratings(
            RatingStore store,
            RatingAccess access,
            Outbox outbox,
            TransactionTemplate transactions,
            JdbcClient jdbc,
            Clock clock) {
        this.store = store;
        this.access = access;
        this.outbox = outbox;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public UnitRating read(Caller caller, RatingId id) {
        var rating = load(id);
        access.requireRead(caller, rating);
        return rating;
    }

    public UnitRating rate(Caller caller, RatingId id, Assessment assessment) {
        return change(caller, id, "RATED", rating -> {
            access.requireRate(caller, rating);
            return rating.rate(assessment, step(caller));
        });
    }

    public UnitRating appeal(Caller caller, RatingId id, String reason) {
        return change(caller, id, "APPEALED", rating -> {
            access.requireAppeal(caller, rating);
            return rating.appeal(reason, step(caller));
        });
    }

    public UnitRating decide(Caller caller, RatingId id, @Nullable Integer amendedScore, String reason) {
        return change(caller, id, "DECIDED", rating -> {
            access.requireDecide(caller, rating);
            return rating.decide(amendedScore, reason, step(caller));
        });
    }

    /** The parts a centre has still to rate, oldest first. */
    public List<UnitRating> toGive(Caller caller, @Nullable String centre, int limit) {
        access.requireSomeRatingRole(caller);
        var centreId = centre != null ? centre : caller.unit();
        if (centreId == null || !access.ratesFor(caller, centreId)) {
            throw new AccessRefusedException(Phrase.of("evaluation.refusal.raterIsWhistlerAny"));
        }
        return store.ofCentres(List.of(centreId), List.of(Status.TO_RATE), limit);
    }

    /** The appeals the caller's level decides: those against centres below it, oldest first. */
    public List<UnitRating> appealsToDecide(Caller caller, int limit) {
        access.requireSomeRatingRole(caller);
        var centres =
                jdbc
                        .sql("""
                        SELECT c.unit_id FROM org_unit c JOIN org_unit a ON a.unit_id = c.area_id
                        WHERE c.kind = 'COMMAND_CENTRE' AND a.ancestry && CAST(:scope AS TEXT[])
                        """)
                        .param("scope", caller.orgScope().toArray(String[]::new))
                        .query(String.class)
                        .list()
                        .stream()
                        .filter(centre -> access.decidesFor(caller, centre))
                        .toList();
        if (centres.isEmpty()) {
            return List.of();
        }
        return store.ofCentres(centres, List.of(Status.APPEALED), limit);
    }

    /** A unit's ratings as the caller may see them: all of them for the unit itself. */
    public List<UnitRating> ofUnit(
            Caller caller,
            @Nullable String unit,
            java.time.@Nullable LocalDate from,
            java.time.@Nullable LocalDate to,
            int limit) {
        access.requireSomeRatingRole(caller);
        var unitId = unit != null ? unit : caller.unit();
        if (unitId == null) {
            throw org.whistle.problems.InvalidInputException.of("unit", Phrase.of("evaluation.refusal.unitRequired"));
        }
        var ratings = store.ofUnit(unitId, from, to, limit);
        if (access.isUnit(caller, unitId)) {
            return ratings;
        }
        return ratings.stream().filter(r -> access.reads(caller, r)).toList();
    }

    public List<RatingStore.AuditEntry> history(RatingId id) {
        return store.audit(id);
    }

    private interface Transition {
        UnitRating apply(UnitRating rating);
    }

    private UnitRating change(Caller caller, RatingId id, String action, Transition transition) {
        return java.util.Objects.requireNonNull(transactions.execute(tx -> {
            var before = load(id);
            var after = transition.apply(before);
            store.save(before, after, action, detail(after));
            if (after.status() == Status.RATED || after.status() == Status.DECIDED) {
                outbox.append(
                        EventEnvelope.wrap(after.event(), after.version(), PRODUCER, TraceIds.newTraceId(), clock));
            }
            return after;
        }));
    }

    private static Map<String, Object> detail(UnitRating r) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("status", r.status().name());
        var a = r.assessment();
        if (a != null) {
            detail.put("reportedInOnTime", a.reportedInOnTime());
            detail.put("cameOnSite", a.cameOnSite());
            detail.put("stayedUntilDone", a.stayedUntilDone());
            detail.put("quality", a.quality().name());
            detail.put("score", a.score());
            if (a.comment() != null) {
                detail.put("comment", a.comment());
            }
        }
        if (r.appealReason() != null) {
            detail.put("appealReason", r.appealReason());
        }
        if (r.decision() != null) {
            detail.put("decision", r.decision().name());
            detail.put("standingScore", java.util.Objects.requireNonNull(r.standingScore()));
            detail.put("decisionReason", java.util.Objects.requireNonNull(r.decisionReason()));
        }
        return detail;
    }

    private UnitRating load(RatingId id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("rating", id.toString()));
    }

    private Step step(Caller caller) {
        return new Step(caller.actor(), caller.name(), clock.instant());
    }
}
