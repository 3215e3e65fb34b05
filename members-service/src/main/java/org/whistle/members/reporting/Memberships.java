package org.whistle.members.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.whistle.members.reporting.domain.HistoryEntry;
import org.whistle.members.reporting.domain.MemberKind;
import org.whistle.members.reporting.domain.MemberType;
import org.whistle.members.reporting.domain.Membership;
import org.whistle.members.reporting.domain.MembershipId;
import org.whistle.members.reporting.domain.MembershipState;
import org.whistle.members.reporting.domain.Profile;
import org.whistle.problems.ConflictException;
import org.whistle.texts.Phrase;

/** Memberships in PostgreSQL: the row under its revision (a stale save is refused) and its append-only history. */
@Repository
public class Memberships {

    private static final String COLUMNS = """
            id, subject, name, phone, kind, member_type, workplace_id, skills, teams, availability, address,
            compound_id, state, grid_id, building_id, reported_at, confirmed_at, revision""";

    private final JdbcClient jdbc;

    Memberships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Membership> bySubject(String subject) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM membership WHERE subject = :subject")
                .param("subject", subject)
                .query(this::row)
                .optional();
    }

    public Optional<Membership> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM membership WHERE id = :id")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    /** Locks the membership's row for the caller's transaction (redemptions spend one member's points at a time). */
    public boolean lock(UUID id) {
        return jdbc.sql("SELECT 1 FROM membership WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    public void save(Membership membership) {
        int changed;
        if (membership.revision() == 0) {
            changed = jdbc.sql("INSERT INTO membership (" + COLUMNS + """
                            ) VALUES (:id, :subject, :name, :phone, :kind, :type, :workplace, :skills, :teams,
                                      :availability, :address, :compound, :state, :grid, :building, :reportedAt,
                                      :confirmedAt, 1)
                            ON CONFLICT (subject) DO NOTHING""")
                    .params(params(membership))
                    .update();
            if (changed == 0) {
                throw new ConflictException(Phrase.of("members.refusal.alreadyReported"));
            }
        } else {
            changed = jdbc.sql("""
                            UPDATE membership SET name = :name, phone = :phone, kind = :kind, member_type = :type,
                                workplace_id = :workplace, skills = :skills, teams = :teams,
                                availability = :availability, address = :address, compound_id = :compound,
                                state = :state, grid_id = :grid, building_id = :building, confirmed_at = :confirmedAt,
                                revision = revision + 1
                            WHERE id = :id AND revision = :revision""")
                    .params(params(membership))
                    .param("revision", membership.revision())
                    .update();
            if (changed == 0) {
                throw new ConflictException(Phrase.of("members.refusal.membershipChanged"));
            }
        }
        for (var entry : membership.newHistory()) {
            jdbc.sql("""
                            INSERT INTO membership_history (membership_id, seq, at, action, actor, actor_name,
                                compound_id, grid_id, building_id, note)
                            VALUES (:id, :seq, :at, :action, :actor, :actorName, :compound, :grid, :building, :note)""")
                    .param("id", membership.id().value())
                    .param("seq", entry.seq())
                    .param("at", Timestamp.from(entry.at()))
                    .param("action", entry.action().name())
                    .param("actor", entry.actor())
                    .param("actorName", entry.actorName())
                    .param("compound", entry.compoundId())
                    .param("grid", entry.gridId())
                    .param("building", entry.buildingId())
                    .param("note", entry.note())
                    .update();
        }
    }

    private static java.util.Map<String, @Nullable Object> params(Membership m) {
        var p = m.profile();
        var map = new java.util.HashMap<String, @Nullable Object>();
        map.put("id", m.id().value());
        map.put("subject", m.subject());
        map.put("name", p.name());
        map.put("phone", p.phone());
        map.put("kind", p.kind().name());
        map.put("type", p.type().name());
        map.put("workplace", p.workplaceId());
        map.put("skills", p.skills().toArray(String[]::new));
        map.put("teams", p.teams().toArray(String[]::new));
        map.put("availability", p.availability());
        map.put("address", m.address());
        map.put("compound", m.compoundId());
        map.put("state", m.state().name());
        map.put("grid", m.gridId());
        map.put("building", m.buildingId());
        map.put("reportedAt", Timestamp.from(m.reportedAt()));
        map.put("confirmedAt", m.confirmedAt() == null ? null : Timestamp.from(m.confirmedAt()));
        return map;
    }

    private Membership row(ResultSet rs, int n) throws SQLException {
        var id = rs.getObject("id", UUID.class);
        var profile = new Profile(
                rs.getString("name"),
                rs.getString("phone"),
                MemberKind.valueOf(rs.getString("kind")),
                MemberType.valueOf(rs.getString("member_type")),
                rs.getString("workplace_id"),
                texts(rs, "skills"),
                texts(rs, "teams"),
                rs.getString("availability"));
        var confirmed = rs.getTimestamp("confirmed_at");
        return Membership.restore(
                new MembershipId(id),
                rs.getString("subject"),
                profile,
                rs.getString("address"),
                rs.getString("compound_id"),
                MembershipState.valueOf(rs.getString("state")),
                rs.getString("grid_id"),
                rs.getString("building_id"),
                rs.getTimestamp("reported_at").toInstant(),
                confirmed == null ? null : confirmed.toInstant(),
                rs.getLong("revision"),
                history(id));
    }

    static List<String> texts(ResultSet rs, String column) throws SQLException {
        var array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private List<HistoryEntry> history(UUID id) {
        return jdbc.sql("""
                        SELECT seq, at, action, actor, actor_name, compound_id, grid_id, building_id, note
                        FROM membership_history WHERE membership_id = :id ORDER BY seq""")
                .param("id", id)
                .query((rs, n) -> new HistoryEntry(
                        rs.getInt("seq"),
                        rs.getTimestamp("at").toInstant(),
                        HistoryEntry.Action.valueOf(rs.getString("action")),
                        rs.getString("actor"),
                        rs.getString("actor_name"),
                        rs.getString("compound_id"),
                        rs.getString("grid_id"),
                        rs.getString("building_id"),
                        rs.getString("note")))
                .list();
    }

    /** A compound's members in one state (or all), newest report-in first, for its branch. */
    public List<Membership> inCompound(String compoundId, @Nullable MembershipState state, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM membership WHERE compound_id = :compound AND (CAST(:state AS TEXT) IS NULL OR state = :state)
                        ORDER BY reported_at DESC LIMIT :limit""")
                .param("compound", compoundId)
                .param("state", state == null ? null : state.name())
                .param("limit", limit)
                .query(this::row)
                .list();
    }

    /** A workplace organisation's members (整建制报到), wherever they report. */
    public List<Membership> ofWorkplace(String workplaceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM membership WHERE workplace_id = :workplace ORDER BY name")
                .param("workplace", workplaceId)
                .query(this::row)
                .list();
    }
}
