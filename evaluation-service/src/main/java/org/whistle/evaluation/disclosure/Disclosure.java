package org.whistle.evaluation.disclosure;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.problems.ConflictException;
import org.whistle.problems.NotFoundException;
import org.whistle.texts.Phrase;

/**
 * Whether the city discloses its published figures to the public, and the history of that setting. Turning it on or
 * off names the version read, so two administrators changing it at once do not both win silently.
 */
@Component
public class Disclosure {

    private final JdbcClient jdbc;

    Disclosure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The setting as it stands. */
    public record Setting(boolean enabled, long version) {}

    /** One change of the setting. */
    public record Change(boolean enabled, long version, String actorName, String reason, Instant at) {}

    public Setting setting() {
        return jdbc.sql("SELECT enabled, version FROM disclosure_setting WHERE id = 1")
                .query((rs, row) -> new Setting(rs.getBoolean("enabled"), rs.getLong("version")))
                .single();
    }

    public boolean enabled() {
        return setting().enabled();
    }

    /**
     * What every public endpoint asks first: with the setting off the public figures do not exist (404), so nobody
     * learns from the answer more than that.
     */
    public void requireEnabled() {
        if (!enabled()) {
            throw new NotFoundException("public-evaluation", "disclosure-off");
        }
    }

    /** Newest first. */
    public List<Change> history(int limit) {
        return jdbc.sql("""
                        SELECT enabled, version, actor_name, reason, changed_at FROM disclosure_change
                        ORDER BY version DESC LIMIT :limit
                        """)
                .param("limit", limit)
                .query((rs, row) -> new Change(
                        rs.getBoolean("enabled"),
                        rs.getLong("version"),
                        rs.getString("actor_name"),
                        rs.getString("reason"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    /**
     * Turns the setting on or off.
     *
     * @param expectedVersion the version the administrator saw; null takes whatever stands (a script that only states
     *     what it wants)
     */
    @Transactional
    public Setting change(
            boolean enabled,
            @Nullable Long expectedVersion,
            String actor,
            String actorName,
            String reason,
            Instant now) {
        var current = jdbc.sql("SELECT enabled, version FROM disclosure_setting WHERE id = 1 FOR UPDATE")
                .query((rs, row) -> new Setting(rs.getBoolean("enabled"), rs.getLong("version")))
                .single();
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new ConflictException(Phrase.of("evaluation.refusal.disclosureChanged"));
        }
        var next = new Setting(enabled, current.version() + 1);
        jdbc.sql("UPDATE disclosure_setting SET enabled = :enabled, version = :version WHERE id = 1")
                .param("enabled", enabled)
                .param("version", next.version())
                .update();
        jdbc.sql("""
                        INSERT INTO disclosure_change (enabled, version, actor, actor_name, reason, changed_at)
                        VALUES (:enabled, :version, :actor, :actorName, :reason, :at)
                        """)
                .param("enabled", enabled)
                .param("version", next.version())
                .param("actor", actor)
                .param("actorName", actorName)
                .param("reason", reason)
                .param("at", Timestamp.from(now))
                .update();
        return next;
    }
}
