package org.whistle.intake.following;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.events.EventEnvelope;
import org.whistle.events.Rating;
import org.whistle.events.TicketId;
import org.whistle.events.WhistleFeedback;
import org.whistle.events.WhistleId;
import org.whistle.intake.following.domain.FeedbackPolicy;
import org.whistle.intake.raising.RaisingWhistles;
import org.whistle.messaging.outbox.Outbox;
import org.whistle.problems.ConflictException;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;
import org.whistle.security.personaldata.AccessDecisions;
import org.whistle.security.personaldata.PersonalData;

/**
 * The reporter's rating of the result (回访): only the reporter, only once the whistle is resolved, once per
 * resolution. Publishes {@code whistle-feedback} through the outbox; "not resolved" is what reopens the ticket.
 */
@Service
public class GivingFeedback {

    static final int COMMENT_MAX_LENGTH = 1000;

    private final FollowingWhistles following;
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;
    private final AccessDecisions decisions;

    GivingFeedback(
            FollowingWhistles following, JdbcClient jdbc, Outbox outbox, Clock clock, AccessDecisions decisions) {
        this.following = following;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
        this.decisions = decisions;
    }

    /** Feedback as sent. */
    public record Feedback(
            @Nullable String rating,
            @Nullable Boolean resolved,
            @Nullable String comment) {}

    @Transactional
    public WhistleFeedback give(
            UUID id,
            Feedback feedback,
            @Nullable Caller caller,
            @Nullable String code,
            @Nullable String phone,
            String traceId) {
        var access = decisions.about("whistle", id, "rate").by(caller);
        var found = following.find(id);
        if (found.isEmpty()) {
            access.hidden("no-such-whistle");
            throw new NotFoundException("whistle", id.toString());
        }
        var whistle = found.get();
        var viewing = following.viewing(whistle, caller, code, phone);
        if (viewing.isEmpty()) {
            access.hidden("neither-reporter-nor-staff-in-scope");
            throw new NotFoundException("whistle", id.toString());
        }
        if (viewing.get().viewer() != FollowingWhistles.Viewer.REPORTER) {
            access.denied("only-the-reporter-rates");
            throw new org.springframework.security.access.AccessDeniedException("only the reporter rates the result");
        }
        access.allowed(viewing.get().rule());
        var violations = new java.util.ArrayList<org.whistle.problems.Violation>();
        Rating rating = null;
        if (feedback.rating() == null) {
            violations.add(new org.whistle.problems.Violation(
                    "rating", "is required: SATISFIED, BASICALLY_SATISFIED or DISSATISFIED"));
        } else {
            try {
                rating = Rating.valueOf(feedback.rating().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(new org.whistle.problems.Violation(
                        "rating", "is not one of SATISFIED, BASICALLY_SATISFIED, DISSATISFIED"));
            }
        }
        if (feedback.resolved() == null) {
            violations.add(new org.whistle.problems.Violation("resolved", "is required: was the problem solved?"));
        }
        var comment = feedback.comment() == null || feedback.comment().isBlank()
                ? null
                : feedback.comment().strip();
        if (comment != null && comment.codePointCount(0, comment.length()) > COMMENT_MAX_LENGTH) {
            violations.add(new org.whistle.problems.Violation(
                    "comment", "is longer than " + COMMENT_MAX_LENGTH + " characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        // Lock the whistle: two ratings racing for one resolution must not both pass the check.
        jdbc.sql("SELECT 1 FROM whistle WHERE whistle_id = :id FOR UPDATE")
                .param("id", id)
                .query(Integer.class)
                .single();
        whistle = following.find(id).orElseThrow();
        var decision = FeedbackPolicy.check(
                whistle.status(), whistle.outcome(), whistle.resolution(), following.rated(id, whistle.resolution()));
        if (decision instanceof FeedbackPolicy.Rejected rejected) {
            throw new ConflictException(rejected.reason());
        }
        var now = clock.instant();
        jdbc.sql("""
                        INSERT INTO whistle_feedback (whistle_id, resolution, rating, resolved, comment, given_at)
                        VALUES (:id, :resolution, :rating, :resolved, :comment, :at)""")
                .param("id", id)
                .param("resolution", ((FeedbackPolicy.Allowed) decision).resolution())
                .param("rating", rating.name())
                .param("resolved", feedback.resolved())
                .param("comment", comment)
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
        long revision = jdbc.sql("""
                        UPDATE whistle SET intake_revision = intake_revision + 1 WHERE whistle_id = :id
                        RETURNING intake_revision""").param("id", id).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO whistle_timeline (whistle_id, kind, status, note, at)
                        VALUES (:id, 'FEEDBACK', :status, :note, :at)""")
                .param("id", id)
                .param("status", whistle.status().name())
                .param("note", label(rating) + (Boolean.TRUE.equals(feedback.resolved()) ? "，问题已解决" : "，问题未解决"))
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
        var event = new WhistleFeedback(
                new WhistleId(id),
                whistle.ticketId() == null ? null : new TicketId(whistle.ticketId()),
                rating,
                Boolean.TRUE.equals(feedback.resolved()),
                // The bus carries masked forms only: a number written into the comment is masked on the way out.
                PersonalData.phonesIn(comment),
                now);
        outbox.append(EventEnvelope.wrap(event, revision, RaisingWhistles.PRODUCER, traceId, clock));
        return event;
    }

    private static String label(Rating rating) {
        return switch (rating) {
            case SATISFIED -> "满意";
            case BASICALLY_SATISFIED -> "基本满意";
            case DISSATISFIED -> "不满意";
        };
    }
}
