package org.whistle.evaluation.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.whistle.evaluation.cases.domain.CaseFold;
import org.whistle.evaluation.cases.domain.CaseRecord;
import org.whistle.evaluation.cases.domain.Fact;
import tools.jackson.databind.json.JsonMapper;

/** The facts of each case and the case rows folded from them. */
@Repository
public class CaseStore {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final JdbcClient jdbc;
    private final Rollups rollups;

    CaseStore(JdbcClient jdbc, Rollups rollups) {
        this.jdbc = jdbc;
        this.rollups = rollups;
    }

    /**
     * Keeps a fact and folds its case again from all its facts, in the caller's transaction. Facts of one case are
     * folded one at a time (an advisory lock per case), so two replicas never write a fold that misses a fact.
     *
     * The rollups move with the row, in the same transaction (ADR 0037).
     *
     * @return the case before and after the fact
     */
    public Change record(UUID whistleId, Fact fact) {
        boolean exempt = lock(whistleId);
        var known = facts(whistleId);
        var before = known.isEmpty() ? null : CaseFold.fold(whistleId, known);
        jdbc.sql("""
                        INSERT INTO case_fact (event_id, whistle_id, at, revision, fact)
                        VALUES (:eventId, :whistleId, :at, :revision, CAST(:fact AS JSONB))
                        ON CONFLICT (event_id) DO NOTHING
                        """)
                .param("eventId", fact.eventId())
                .param("whistleId", whistleId)
                .param("at", ts(fact.at()))
                .param("revision", fact.revision())
                .param("fact", JSON.writeValueAsString(fact))
                .update();
        var folded = CaseFold.fold(whistleId, facts(whistleId));
        save(folded);
        rollups.move(before, exempt, folded, exempt);
        return new Change(before, folded);
    }

    /**
     * Moves a case between exempt classes in the rollups when an administrator exempts it or revokes its exemption,
     * in the caller's transaction; the caller changes {@code case_exemption} after this returns. Takes the case's
     * lock, so no fold of the case runs in between.
     */
    public void exemptionChanging(UUID whistleId, boolean exemptAfter) {
        boolean exemptBefore = lock(whistleId);
        var known = facts(whistleId);
        if (known.isEmpty() || exemptBefore == exemptAfter) {
            return;
        }
        var folded = CaseFold.fold(whistleId, known);
        rollups.move(folded, exemptBefore, folded, exemptAfter);
    }

    /** Takes the case's lock for the transaction; says whether an administrator's exemption is in force. */
    private boolean lock(UUID whistleId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:id, 20))")
                .param("id", whistleId.toString())
                .query()
                .singleRow();
        // a statement of its own: one that also took the lock would read with the snapshot from before its wait
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM case_exemption WHERE whistle_id = :id AND revoked_at IS NULL)")
                .param("id", whistleId)
                .query(Boolean.class)
                .single();
    }

    /** A case before a fact (null when it is the case's first) and after it. */
    public record Change(@Nullable CaseRecord before, CaseRecord after) {}

    public List<Fact> facts(UUID whistleId) {
        return jdbc.sql("SELECT fact::text FROM case_fact WHERE whistle_id = :id")
                .param("id", whistleId)
                .query((rs, row) -> JSON.readValue(rs.getString(1), Fact.class))
                .list();
    }

    private void save(CaseRecord c) {
        jdbc.sql("""
                        INSERT INTO eval_case (whistle_id, ticket_id, ticket_number, category_code, grid_id, street_id,
                            area_id, owning_centre_id, level, state, reporter_role, raised_at, filed_at, file_due_at,
                            file_late, dispatched_at, returned, transferred, lead_unit_id, handled_at, handle_due_at,
                            due_source, resolve_expired_at, handled_late, deciding_clock_id, closed_at, outcome,
                            closed_on_time, reworked, extended, supervised, self_handled, signed_for, contacted_at,
                            responded_on_time, followed_up, answer_resolved, answer_rating, answer_by_phone,
                            answer_round, answers_ignored, exempt_reason, count_date, facts)
                        VALUES (:whistleId, :ticketId, :ticketNumber, :category, :grid, :street, :area, :centre,
                            :level, :state, :reporterRole, :raisedAt, :filedAt, :fileDueAt, :fileLate, :dispatchedAt,
                            :returned, :transferred, :lead, :handledAt, :handleDueAt, :dueSource, :resolveExpiredAt,
                            :handledLate, :clock, :closedAt, :outcome, :closedOnTime, :reworked, :extended,
                            :supervised, :selfHandled, :signedFor, :contactedAt, :respondedOnTime, :followedUp,
                            :answerResolved, :answerRating, :answerByPhone, :answerRound, :answersIgnored, :exempt,
                            :countDate, :facts)
                        ON CONFLICT (whistle_id) DO UPDATE SET ticket_id = EXCLUDED.ticket_id,
                            ticket_number = EXCLUDED.ticket_number, category_code = EXCLUDED.category_code,
                            grid_id = EXCLUDED.grid_id, street_id = EXCLUDED.street_id, area_id = EXCLUDED.area_id,
                            owning_centre_id = EXCLUDED.owning_centre_id, level = EXCLUDED.level,
                            state = EXCLUDED.state, reporter_role = EXCLUDED.reporter_role,
                            raised_at = EXCLUDED.raised_at, filed_at = EXCLUDED.filed_at,
                            file_due_at = EXCLUDED.file_due_at, file_late = EXCLUDED.file_late,
                            dispatched_at = EXCLUDED.dispatched_at, returned = EXCLUDED.returned,
                            transferred = EXCLUDED.transferred, lead_unit_id = EXCLUDED.lead_unit_id,
                            handled_at = EXCLUDED.handled_at, handle_due_at = EXCLUDED.handle_due_at,
                            due_source = EXCLUDED.due_source, resolve_expired_at = EXCLUDED.resolve_expired_at,
                            handled_late = EXCLUDED.handled_late, deciding_clock_id = EXCLUDED.deciding_clock_id,
                            closed_at = EXCLUDED.closed_at, outcome = EXCLUDED.outcome,
                            closed_on_time = EXCLUDED.closed_on_time, reworked = EXCLUDED.reworked,
                            extended = EXCLUDED.extended, supervised = EXCLUDED.supervised,
                            self_handled = EXCLUDED.self_handled, signed_for = EXCLUDED.signed_for,
                            contacted_at = EXCLUDED.contacted_at, responded_on_time = EXCLUDED.responded_on_time,
                            followed_up = EXCLUDED.followed_up, answer_resolved = EXCLUDED.answer_resolved,
                            answer_rating = EXCLUDED.answer_rating, answer_by_phone = EXCLUDED.answer_by_phone,
                            answer_round = EXCLUDED.answer_round, answers_ignored = EXCLUDED.answers_ignored,
                            exempt_reason = EXCLUDED.exempt_reason, count_date = EXCLUDED.count_date,
                            facts = EXCLUDED.facts
                        """)
                .param("whistleId", c.whistleId())
                .param("ticketId", c.ticketId())
                .param("ticketNumber", c.ticketNumber())
                .param("category", c.categoryCode())
                .param("grid", c.gridId())
                .param("street", c.streetId())
                .param("area", c.areaId())
                .param("centre", c.owningCentreId())
                .param("level", c.level())
                .param("state", c.state())
                .param("reporterRole", c.reporterRole())
                .param("raisedAt", ts(c.raisedAt()))
                .param("filedAt", ts(c.filedAt()))
                .param("fileDueAt", ts(c.fileDueAt()))
                .param("fileLate", c.fileLate())
                .param("dispatchedAt", ts(c.dispatchedAt()))
                .param("returned", c.returned())
                .param("transferred", c.transferred())
                .param("lead", c.leadUnitId())
                .param("handledAt", ts(c.handledAt()))
                .param("handleDueAt", ts(c.handleDueAt()))
                .param("dueSource", c.dueSource())
                .param("resolveExpiredAt", ts(c.resolveExpiredAt()))
                .param("handledLate", c.handledLate())
                .param("clock", c.decidingClockId())
                .param("closedAt", ts(c.closedAt()))
                .param("outcome", c.outcome())
                .param("closedOnTime", c.closedOnTime())
                .param("reworked", c.reworked())
                .param("extended", c.extended())
                .param("supervised", c.supervised())
                .param("selfHandled", c.selfHandled())
                .param("signedFor", c.signedFor())
                .param("contactedAt", ts(c.contactedAt()))
                .param("respondedOnTime", c.respondedOnTime())
                .param("followedUp", c.followedUp())
                .param("answerResolved", c.answerResolved())
                .param("answerRating", c.answerRating())
                .param("answerByPhone", c.answerByPhone())
                .param("answerRound", c.answerRound())
                .param("answersIgnored", c.answersIgnored())
                .param("exempt", c.exemptReason())
                .param("countDate", c.countDate())
                .param("facts", c.facts())
                .update();
        jdbc.sql("DELETE FROM eval_case_unit WHERE whistle_id = :id")
                .param("id", c.whistleId())
                .update();
        for (var u : c.units()) {
            jdbc.sql("""
                            INSERT INTO eval_case_unit (whistle_id, unit_id, lead, summoned_at, report_in_due_at,
                                due_source, reported_in_at, report_in_late, on_site_at, done_at, declined_at,
                                count_date)
                            VALUES (:whistleId, :unit, :lead, :summonedAt, :dueAt, :dueSource, :reportedInAt, :late,
                                :onSiteAt, :doneAt, :declinedAt, :countDate)
                            """)
                    .param("whistleId", c.whistleId())
                    .param("unit", u.unitId())
                    .param("lead", u.lead())
                    .param("summonedAt", ts(u.summonedAt()))
                    .param("dueAt", ts(u.reportInDueAt()))
                    .param("dueSource", u.dueSource())
                    .param("reportedInAt", ts(u.reportedInAt()))
                    .param("late", u.reportInLate())
                    .param("onSiteAt", ts(u.onSiteAt()))
                    .param("doneAt", ts(u.doneAt()))
                    .param("declinedAt", ts(u.declinedAt()))
                    .param("countDate", u.countDate())
                    .update();
        }
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
