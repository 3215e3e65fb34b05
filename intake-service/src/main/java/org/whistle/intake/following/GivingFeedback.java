package org.whistle.intake.following;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.events.Actor;
import org.whistle.events.EventEnvelope;
import org.whistle.events.OrgUnitChanged;
import org.whistle.events.Rating;
import org.whistle.events.TicketId;
import org.whistle.events.WhistleFeedback;
import org.whistle.events.WhistleId;
import org.whistle.intake.IntakeMetrics;
import org.whistle.intake.following.domain.FeedbackPolicy;
import org.whistle.intake.raising.RaisingWhistles;
import org.whistle.intake.raising.TextBounds;
import org.whistle.messaging.outbox.Outbox;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import org.whistle.problems.ConflictException;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.problems.Violation;
import org.whistle.security.Caller;
import org.whistle.security.Role;
import org.whistle.security.personaldata.AccessDecisions;
import org.whistle.security.personaldata.PersonalData;
import org.whistle.texts.Phrase;

/**
 * The reporter's rating of the result (回访): once the whistle is resolved, one answer per round (a round is one
 * resolution; a reopen starts the next). The answer is the reporter's own, or taken by phone by a command centre of
 * the whistle's area and recorded for them (电话回访), marked as such in the timeline and in {@code whistle-feedback}
 * ({@code recordedBy}). Publishes through the outbox; "not resolved" is what reopens the ticket.
 */
@Service
public class GivingFeedback {

    static final int COMMENT_MAX_LENGTH = 1000;

    private final FollowingWhistles following;
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;
    private final AccessDecisions decisions;
    private final OrgReferenceCopy org;
    private final IntakeMetrics metrics;

    GivingFeedback(
            FollowingWhistles following,
            JdbcClient jdbc,
            Outbox outbox,
            Clock clock,
            AccessDecisions decisions,
            OrgReferenceCopy org,
            IntakeMetrics metrics) {
        this.following = following;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
        this.decisions = decisions;
        this.org = org;
        this.metrics = metrics;
    }

    /** Feedback as sent. */
    public record Feedback(
            @Nullable String rating,
            @Nullable Boolean resolved,
            @Nullable String comment) {}

    /** Command centres that may record an answer they took by phone (电话回访) for a whistle in their area. */
    public static final List<Role> CENTRES =
            List.of(Role.STREET_DISPATCHER, Role.DISTRICT_DISPATCHER, Role.CITY_DISPATCHER);

    /** Whether this caller is a command centre whose area holds the whistle: they may record a phone follow-up. */
    public static boolean recordsForTheReporter(WhistleRecord whistle, @Nullable Caller caller) {
        return caller != null && caller.hasAny(CENTRES) && caller.covers(whistle.ancestry());
    }

    /**
     * Takes the one answer of this round: from the reporter (signed in, or code and phone), or from a command centre
     * of the whistle's area that took it by phone and records it on the reporter's behalf ({@code recordedBy}).
     */
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
        Actor recordedBy = null;
        if (viewing.get().viewer() != FollowingWhistles.Viewer.REPORTER) {
            if (!recordsForTheReporter(whistle, caller)) {
                access.denied("only-the-reporter-or-a-command-centre-rates");
                throw new org.springframework.security.access.AccessDeniedException("回访评价只能由上报人本人提交，或由辖区指挥中心电话回访后代为登记");
            }
            recordedBy = new Actor(
                    caller.subject(),
                    caller.unit(),
                    CENTRES.stream()
                            .filter(caller::has)
                            .findFirst()
                            .orElseThrow()
                            .name());
            access.allowed("command-centre-phone-follow-up");
        } else {
            access.allowed(viewing.get().rule());
        }
        var violations = new java.util.ArrayList<Violation>();
        Rating rating = null;
        if (feedback.rating() == null) {
            violations.add(new Violation(
                    "rating",
                    Phrase.of("intake.refusal.ratingRequired", "choices", Phrase.names("rating", Rating.class))));
        } else {
            try {
                rating = Rating.valueOf(feedback.rating().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(new Violation(
                        "rating", Phrase.of("refusal.oneOf", "choices", Phrase.names("rating", Rating.class))));
            }
        }
        if (feedback.resolved() == null) {
            violations.add(new Violation("resolved", Phrase.of("intake.refusal.resolvedRequired")));
        }
        var comment = feedback.comment() == null || feedback.comment().isBlank()
                ? null
                : feedback.comment().strip();
        violations.addAll(TextBounds.check("comment", comment, COMMENT_MAX_LENGTH));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        // Lock the whistle: two answers racing for one round must not both pass the check.
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
                        INSERT INTO whistle_feedback (whistle_id, resolution, rating, resolved, comment, given_at,
                            recorded_by_user, recorded_by_unit, recorded_by_role)
                        VALUES (:id, :resolution, :rating, :resolved, :comment, :at, :user, :unit, :role)""")
                .param("id", id)
                .param("resolution", ((FeedbackPolicy.Allowed) decision).resolution())
                .param("rating", rating.name())
                .param("resolved", feedback.resolved())
                .param("comment", comment)
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("user", recordedBy == null ? null : recordedBy.userId())
                .param("unit", recordedBy == null ? null : recordedBy.orgUnitId())
                .param("role", recordedBy == null ? null : recordedBy.role())
                .update();
        long revision = jdbc.sql("""
                        UPDATE whistle SET intake_revision = intake_revision + 1 WHERE whistle_id = :id
                        RETURNING intake_revision""").param("id", id).query(Long.class).single();
        var answer = label(rating) + (Boolean.TRUE.equals(feedback.resolved()) ? "，问题已解决" : "，问题未解决");
        jdbc.sql("""
                        INSERT INTO whistle_timeline (whistle_id, kind, status, note, actor, at)
                        VALUES (:id, :kind, :status, :note, :actor, :at)""")
                .param("id", id)
                .param("kind", recordedBy == null ? "FEEDBACK" : "PHONE_FOLLOW_UP")
                .param("status", whistle.status().name())
                .param("note", recordedBy == null ? answer : "电话回访：" + answer)
                // The timeline names units, never staff: the centre that recorded the answer.
                .param("actor", recordedBy == null ? null : centreName(recordedBy))
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
        var event = new WhistleFeedback(
                new WhistleId(id),
                whistle.ticketId() == null ? null : new TicketId(whistle.ticketId()),
                rating,
                Boolean.TRUE.equals(feedback.resolved()),
                // The bus carries masked forms only: a number written into the comment is masked on the way out.
                PersonalData.phonesIn(comment),
                now,
                recordedBy);
        outbox.append(EventEnvelope.wrap(event, revision, RaisingWhistles.PRODUCER, traceId, clock));
        metrics.answered(
                recordedBy == null ? IntakeMetrics.AnswerKind.REPORTER : IntakeMetrics.AnswerKind.PHONE_FOLLOW_UP,
                event.resolved());
        return event;
    }

    private String centreName(Actor recordedBy) {
        return recordedBy.orgUnitId() == null
                ? "指挥中心"
                : org.unit(recordedBy.orgUnitId()).map(OrgUnitChanged::name).orElse("指挥中心");
    }

    private static String label(Rating rating) {
        return switch (rating) {
            case SATISFIED -> "满意";
            case BASICALLY_SATISFIED -> "基本满意";
            case DISSATISFIED -> "不满意";
        };
    }
}
