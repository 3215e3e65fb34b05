package org.whistle.intake.following;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.whistle.events.Actor;
import org.whistle.events.EventEnvelope;
import org.whistle.events.EvidenceRef;
import org.whistle.events.OrgUnitChanged;
import org.whistle.events.TicketId;
import org.whistle.events.TicketState;
import org.whistle.events.Topics;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;
import org.whistle.intake.following.domain.FeedbackPolicy;
import org.whistle.intake.raising.domain.PublicStatus;
import org.whistle.messaging.inbox.IdempotentHandling;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the reporter's read model from dispatch's lifecycle events: each event adds a timeline entry once (by event
 * id, through {@link IdempotentHandling}); the status moves only for a revision newer than the one held, so
 * redelivery and reordering across topics leave it right. Timeline entries name units, never staff. A poll's events
 * are applied in one transaction ({@link ProgressBatches}).
 */
@Component
class WhistleProgress {

    static final String CONSUMER = "intake-service.following";
    private static final Logger log = LoggerFactory.getLogger(WhistleProgress.class);

    private final IdempotentHandling handling;
    private final ProgressBatches batches;
    private final JdbcClient jdbc;
    private final OrgReferenceCopy org;
    private final JsonMapper json;

    WhistleProgress(
            IdempotentHandling handling,
            ProgressBatches batches,
            JdbcClient jdbc,
            OrgReferenceCopy org,
            JsonMapper json) {
        this.handling = handling;
        this.batches = batches;
        this.jdbc = jdbc;
        this.org = org;
        this.json = json;
    }

    @KafkaListener(
            topics = {Topics.WHISTLE_ROUTED, Topics.WHISTLE_REPORTED, Topics.WHISTLE_CLOSED},
            groupId = CONSUMER,
            containerFactory = ProgressBatches.FACTORY)
    void on(List<ConsumerRecord<String, EventEnvelope<?>>> records) {
        batches.handle(records, event -> handling.handleOnce(CONSUMER, event, () -> apply(event)));
    }

    private void apply(EventEnvelope<?> event) {
        switch (event.data()) {
            case WhistleRouted routed -> {
                var note = switch (routed.action()) {
                    case SUMMONED ->
                        routed.summons().stream()
                                .map(s -> unitName(s.unitId()) + (s.lead() ? "（牵头）" : ""))
                                .collect(Collectors.joining("、"));
                    case REOPENED, RETURNED, SUSPENDED -> routed.reason();
                    default -> null;
                };
                record(
                        event,
                        routed.whistleId().value(),
                        routed.action().name(),
                        routed.state(),
                        null,
                        routed.ticketId(),
                        routed.ticketNumber(),
                        note,
                        actor(routed.actor()),
                        List.of(),
                        routed.at(),
                        Relations.of(routed));
            }
            case WhistleReported reported ->
                record(
                        event,
                        reported.whistleId().value(),
                        reported.report().name(),
                        reported.ticketState(),
                        null,
                        reported.ticketId(),
                        null,
                        reported.report() == WhistleReported.Report.DONE
                                        || reported.report() == WhistleReported.Report.PROGRESS
                                ? reported.note()
                                : null,
                        unitName(reported.unitId()),
                        reported.report() == WhistleReported.Report.DONE ? reported.evidence() : List.of(),
                        reported.at(),
                        Relations.of(reported));
            case WhistleClosed closed -> {
                var state = switch (closed.outcome()) {
                    case RESOLVED, NO_ANSWER -> TicketState.CLOSED;
                    case REJECTED -> TicketState.REJECTED;
                    case MERGED -> TicketState.MERGED;
                };
                record(
                        event,
                        closed.whistleId().value(),
                        "CLOSED_" + closed.outcome().name(),
                        state,
                        closed.outcome().name(),
                        closed.ticketId(),
                        null,
                        closed.outcome() == WhistleClosed.Outcome.REJECTED ? closed.reason() : null,
                        actor(closed.actor()),
                        List.of(),
                        closed.at(),
                        Relations.UNCHANGED);
            }
            default -> log.debug("Ignoring {} on the lifecycle topics", event.type());
        }
    }

    private void record(
            EventEnvelope<?> event,
            UUID whistleId,
            String kind,
            TicketState state,
            @Nullable String outcome,
            TicketId ticketId,
            @Nullable String ticketNumber,
            @Nullable String note,
            @Nullable String actor,
            List<EvidenceRef> evidence,
            Instant at,
            Relations relations) {
        var current = jdbc.sql("SELECT status, status_revision FROM whistle WHERE whistle_id = :id FOR UPDATE")
                .param("id", whistleId)
                .query((rs, n) -> new Object[] {rs.getString("status"), rs.getLong("status_revision")})
                .optional();
        if (current.isEmpty()) {
            // Raised through another intake (a migration, a test); nobody here follows it.
            log.info("Ignoring {} for whistle {} that intake does not hold", event.type(), whistleId);
            return;
        }
        var before = PublicStatus.valueOf((String) current.get()[0]);
        var after = PublicStatus.of(state);
        var utc = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO whistle_timeline (whistle_id, event_id, kind, status, note, actor, evidence, at)
                        VALUES (:whistle, :event, :kind, :status, :note, :actor, CAST(:evidence AS jsonb), :at)
                        ON CONFLICT (event_id) DO NOTHING""")
                .param("whistle", whistleId)
                .param("event", event.id())
                .param("kind", kind)
                .param("status", after.name())
                .param("note", note)
                .param("actor", actor)
                .param("evidence", json.writeValueAsString(evidence))
                .param("at", utc)
                .update();
        if (!evidence.isEmpty()) {
            // Only a DONE report brings evidence here. Its photos are the result by their own revision: a close of the
            // same change (a community task done, verified and closed at once) may have arrived first on its topic.
            jdbc.sql("""
                            UPDATE whistle SET result_evidence = CAST(:evidence AS jsonb),
                                result_evidence_revision = :revision
                            WHERE whistle_id = :id AND result_evidence_revision < :revision""")
                    .param("evidence", json.writeValueAsString(evidence))
                    .param("revision", event.revision())
                    .param("id", whistleId)
                    .update();
        }
        if (event.revision() <= (Long) current.get()[1]) {
            return;
        }
        jdbc.sql("""
                        UPDATE whistle SET status = :status, status_revision = :revision, ticket_id = :ticket,
                            ticket_number = COALESCE(:number, ticket_number),
                            outcome = CASE WHEN :status = 'CLOSED' OR :status = 'REJECTED' OR :status = 'MERGED'
                                           THEN :outcome ELSE NULL END,
                            resolution = resolution + :newResolution,
                            updated_at = :at,
                            owning_centre = COALESCE(:centre, owning_centre),
                            owning_level = COALESCE(:level, owning_level),
                            unit_tasks = CASE
                                WHEN CAST(:tasks AS text) IS NOT NULL THEN CAST(:tasks AS jsonb)
                                WHEN CAST(:unit AS text) IS NOT NULL
                                    THEN unit_tasks || jsonb_build_object(CAST(:unit AS text), CAST(:taskState AS text))
                                ELSE unit_tasks END
                        WHERE whistle_id = :id""")
                .param("status", after.name())
                .param("revision", event.revision())
                .param("ticket", ticketId.value())
                .param("number", ticketNumber)
                .param("outcome", outcome)
                .param("newResolution", FeedbackPolicy.startsNewResolution(before, after) ? 1 : 0)
                .param("at", utc)
                .param("centre", relations.centre())
                .param("level", relations.level())
                .param("tasks", relations.tasks() == null ? null : json.writeValueAsString(relations.tasks()))
                .param("unit", relations.unit())
                .param("taskState", relations.taskState())
                .param("id", whistleId)
                .update();
    }

    /**
     * What an event says about who must reach the reporter: a routing names the owning centre, its level and every
     * task; a report changes one unit's task.
     */
    private record Relations(
            @Nullable String centre,
            @Nullable String level,
            @Nullable Map<String, String> tasks,
            @Nullable String unit,
            @Nullable String taskState) {

        static final Relations UNCHANGED = new Relations(null, null, null, null, null);

        static Relations of(WhistleRouted routed) {
            var tasks = new TreeMap<String, String>();
            routed.summons()
                    .forEach(summons ->
                            tasks.put(summons.unitId(), summons.state().name()));
            return new Relations(routed.owningCentreId(), routed.level().name(), tasks, null, null);
        }

        static Relations of(WhistleReported reported) {
            return new Relations(
                    null, null, null, reported.unitId(), reported.taskState().name());
        }
    }

    private String unitName(String unitId) {
        return org.unit(unitId).map(OrgUnitChanged::name).orElse("处置单位");
    }

    /** The unit someone acted for; a person's name or account never reaches the reporter. */
    private @Nullable String actor(Actor actor) {
        if (actor.orgUnitId() != null) {
            return unitName(actor.orgUnitId());
        }
        return actor.userId().startsWith("system:") ? "系统" : "工作人员";
    }
}
