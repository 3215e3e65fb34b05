package org.whistle.evaluation.appraisal;

import java.sql.Timestamp;
import java.time.LocalTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.whistle.evaluation.appraisal.domain.Period;
import org.whistle.evaluation.cases.domain.CaseFold;
import org.whistle.events.EventEnvelope;
import org.whistle.events.MemberReported;
import org.whistle.events.MemberTaskDone;
import org.whistle.events.Topics;
import org.whistle.messaging.inbox.IdempotentHandling;

/**
 * Party-member participation from members-service ({@code member-participation}): each confirmed report-in and each
 * approved task is kept once (the handled-event table and the event id as key), and the secretary appraisal reads
 * them per community as counts — so duplicates add nothing and the order of arrival does not matter (counts of
 * distinct members and tasks; the grid's community is found when read).
 */
@Component
class Participation {

    /** A community's participation over a period. */
    record Counts(long inServiceMembersReported, long tasksDone) {}

    private final JdbcClient jdbc;
    private final IdempotentHandling handling;
    private final String consumer;

    Participation(
            JdbcClient jdbc,
            IdempotentHandling handling,
            @Value("${whistle.evaluation.consumer-group:evaluation-service}") String consumer) {
        this.jdbc = jdbc;
        this.handling = handling;
        this.consumer = consumer;
    }

    @KafkaListener(
            id = "evaluation-participation",
            groupId = "${whistle.evaluation.consumer-group:evaluation-service}",
            topics = Topics.MEMBER_PARTICIPATION)
    void on(EventEnvelope<?> event) {
        switch (event.data()) {
            case MemberReported r ->
                handling.handleOnce(
                        consumer,
                        event,
                        () -> keep(
                                event,
                                "REPORTED",
                                r.memberId(),
                                r.kind(),
                                null,
                                r.compoundId(),
                                r.gridId(),
                                0,
                                r.at()));
            case MemberTaskDone d ->
                handling.handleOnce(
                        consumer,
                        event,
                        () -> keep(
                                event,
                                "TASK_DONE",
                                d.memberId(),
                                d.kind(),
                                d.taskId(),
                                d.compoundId(),
                                d.gridId(),
                                d.hours(),
                                d.at()));
            default -> {
                // a participation event this version does not count
            }
        }
    }

    private void keep(
            EventEnvelope<?> event,
            String type,
            java.util.UUID member,
            String kind,
            java.util.@org.jspecify.annotations.Nullable UUID task,
            String compound,
            String grid,
            double hours,
            java.time.Instant at) {
        jdbc.sql("""
                        INSERT INTO member_participation (event_id, type, member_id, member_kind, task_id, compound_id,
                            grid_id, hours, at)
                        VALUES (:event, :type, :member, :kind, :task, :compound, :grid, :hours, :at)
                        ON CONFLICT (event_id) DO NOTHING
                        """)
                .param("event", event.id())
                .param("type", type)
                .param("member", member)
                .param("kind", kind)
                .param("task", task)
                .param("compound", compound)
                .param("grid", grid)
                .param("hours", hours)
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * In-service members (在职党员) reported to the community's compounds by the period's end — a report-in stands
     * until withdrawn — and member tasks done within the period, each member and task once.
     */
    Counts of(String communityId, Period period) {
        var from = Timestamp.from(period.from().atStartOfDay(CaseFold.ZONE).toInstant());
        var to = Timestamp.from(period.to()
                .plusDays(1)
                .atTime(LocalTime.MIDNIGHT)
                .atZone(CaseFold.ZONE)
                .toInstant());
        return jdbc.sql("""
                        SELECT
                            count(DISTINCT p.member_id) FILTER (
                                WHERE p.type = 'REPORTED' AND p.member_kind = 'IN_SERVICE' AND p.at < :to) AS reported,
                            count(DISTINCT (p.member_id, p.task_id)) FILTER (
                                WHERE p.type = 'TASK_DONE' AND p.at >= :from AND p.at < :to) AS done
                        FROM member_participation p
                        JOIN org_unit g ON g.unit_id = p.grid_id
                        WHERE g.unit_id = :community OR :community = ANY(g.ancestry)
                        """)
                .param("from", from)
                .param("to", to)
                .param("community", communityId)
                .query((rs, row) -> new Counts(rs.getLong("reported"), rs.getLong("done")))
                .single();
    }
}
