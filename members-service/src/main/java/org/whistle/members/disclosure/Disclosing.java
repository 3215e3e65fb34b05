package org.whistle.members.disclosure;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.members.access.MembersAccess;
import org.whistle.members.disclosure.domain.ObjectionPolicy;
import org.whistle.members.points.Standings;
import org.whistle.members.reporting.Memberships;
import org.whistle.problems.ConflictException;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;
import org.whistle.texts.Phrase;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * 公示 as use cases: the branch publishes a quarter's ranking of its compound (party members and volunteers apart) with
 * an objection window; members object once within it; the branch answers each objection (and corrects the ledger
 * where the objection holds, through the ledger's own correction).
 */
@Service
public class Disclosing {

    /** A published disclosure. */
    public record Disclosure(
            UUID id,
            String compoundId,
            int year,
            int quarter,
            Instant publishedAt,
            Instant objectionsUntil,
            List<Standings.Ranked> party,
            List<Standings.Ranked> volunteers) {}

    /** An objection and its answer. */
    public record Objection(
            UUID id,
            UUID disclosureId,
            UUID memberId,
            String memberName,
            String reason,
            Instant raisedAt,
            @Nullable String answer,
            @Nullable Instant answeredAt) {}

    private record Published(List<Standings.Ranked> party, List<Standings.Ranked> volunteers) {}

    private final JdbcClient jdbc;
    private final Standings standings;
    private final Memberships memberships;
    private final MembersAccess access;
    private final Clock clock;

    Disclosing(JdbcClient jdbc, Standings standings, Memberships memberships, MembersAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.standings = standings;
        this.memberships = memberships;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public Disclosure publish(Caller caller, String compoundId, int year, int quarter, int objectionDays) {
        access.requireManager(caller, compoundId);
        var now = clock.instant();
        var published = new Published(
                standings.ranking(compoundId, year, Standings.Group.PARTY),
                standings.ranking(compoundId, year, Standings.Group.VOLUNTEER));
        var id = UUID.randomUUID();
        int added = jdbc.sql("""
                        INSERT INTO disclosure (id, compound_id, year, quarter, published_at, published_by,
                            objections_until, ranking)
                        VALUES (:id, :compound, :year, :quarter, :at, :by, :until, CAST(:ranking AS jsonb))
                        ON CONFLICT (compound_id, year, quarter) DO NOTHING""")
                .param("id", id)
                .param("compound", compoundId)
                .param("year", year)
                .param("quarter", quarter)
                .param("at", Timestamp.from(now))
                .param("by", caller.subject())
                .param("until", Timestamp.from(now.plus(Duration.ofDays(objectionDays))))
                .param("ranking", JsonMapper.shared().writeValueAsString(published))
                .update();
        if (added == 0) {
            throw new ConflictException(
                    Phrase.of("members.refusal.quarterDisclosed", "year", Integer.toString(year), "quarter", quarter));
        }
        return disclosure(id);
    }

    @Transactional(readOnly = true)
    public List<Disclosure> ofCompound(String compoundId) {
        return jdbc
                .sql("SELECT id FROM disclosure WHERE compound_id = :compound ORDER BY year DESC, quarter DESC")
                .param("compound", compoundId)
                .query(UUID.class)
                .list()
                .stream()
                .map(this::disclosure)
                .toList();
    }

    @Transactional
    public Objection object(Caller caller, UUID disclosureId, String reason) {
        var disclosure = disclosure(disclosureId);
        var member = memberships.bySubject(caller.subject());
        var memberOfCompound = member.filter(
                        m -> m.isConfirmed() && m.compoundId().equals(disclosure.compoundId()))
                .isPresent();
        var before = member.isPresent()
                && jdbc.sql("SELECT count(*) FROM objection WHERE disclosure_id = :d AND member_id = :m")
                                .param("d", disclosureId)
                                .param("m", member.get().id().value())
                                .query(Long.class)
                                .single()
                        > 0;
        var now = clock.instant();
        if (ObjectionPolicy.decide(now, disclosure.objectionsUntil(), memberOfCompound, before)
                instanceof ObjectionPolicy.Refused refused) {
            throw new ConflictException(refused.reason());
        }
        var id = UUID.randomUUID();
        int added = jdbc.sql("""
                        INSERT INTO objection (id, disclosure_id, member_id, reason, raised_at)
                        VALUES (:id, :d, :m, :reason, :at) ON CONFLICT (disclosure_id, member_id) DO NOTHING""")
                .param("id", id)
                .param("d", disclosureId)
                .param("m", member.orElseThrow().id().value())
                .param("reason", reason)
                .param("at", Timestamp.from(now))
                .update();
        if (added == 0) {
            throw new ConflictException(Phrase.of("members.refusal.objectionGiven"));
        }
        return objections("o.id = :key", id.toString()).getFirst();
    }

    @Transactional(readOnly = true)
    public List<Objection> objections(Caller caller, UUID disclosureId) {
        access.requireManager(caller, disclosure(disclosureId).compoundId());
        return objections("o.disclosure_id = :key", disclosureId.toString());
    }

    @Transactional
    public Objection answer(Caller caller, UUID objectionId, String answer) {
        var objection = objections("o.id = :key", objectionId.toString()).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("objection", objectionId.toString()));
        access.requireManager(caller, disclosure(objection.disclosureId()).compoundId());
        int changed = jdbc.sql("""
                        UPDATE objection SET answer = :answer, answered_by = :by, answered_at = :at
                        WHERE id = :id AND answer IS NULL""")
                .param("answer", answer)
                .param("by", caller.subject())
                .param("at", Timestamp.from(clock.instant()))
                .param("id", objectionId)
                .update();
        if (changed == 0) {
            throw new ConflictException(Phrase.of("members.refusal.objectionAnswered"));
        }
        return objections("o.id = :key", objectionId.toString()).getFirst();
    }

    private List<Objection> objections(String where, String key) {
        return jdbc.sql("""
                        SELECT o.*, m.name AS member_name FROM objection o JOIN membership m ON m.id = o.member_id
                        WHERE %s ORDER BY o.raised_at""".formatted(where.replace(":key", "CAST(:key AS UUID)")))
                .param("key", key)
                .query((rs, n) -> new Objection(
                        rs.getObject("id", UUID.class),
                        rs.getObject("disclosure_id", UUID.class),
                        rs.getObject("member_id", UUID.class),
                        rs.getString("member_name"),
                        rs.getString("reason"),
                        rs.getTimestamp("raised_at").toInstant(),
                        rs.getString("answer"),
                        rs.getTimestamp("answered_at") == null
                                ? null
                                : rs.getTimestamp("answered_at").toInstant()))
                .list();
    }

    private Disclosure disclosure(UUID id) {
        return jdbc.sql("SELECT * FROM disclosure WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    var published =
                            JsonMapper.shared().readValue(rs.getString("ranking"), new TypeReference<Published>() {});
                    return new Disclosure(
                            rs.getObject("id", UUID.class),
                            rs.getString("compound_id"),
                            rs.getInt("year"),
                            rs.getInt("quarter"),
                            rs.getTimestamp("published_at").toInstant(),
                            rs.getTimestamp("objections_until").toInstant(),
                            published.party(),
                            published.volunteers());
                })
                .optional()
                .orElseThrow(() -> new NotFoundException("disclosure", id.toString()));
    }
}
