package org.whistle.orgregistry.audit;

import java.sql.Timestamp;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one audit entry per state change, in the transaction of the change, so an entry exists exactly when the
 * change does. The actor is the authenticated principal, or {@code system} for start-up work (seeding).
 */
@Component
public class AuditLog {

    static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Records {@code action} on a subject; {@code before} is null for creations, {@code after} null for deletions.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(
            String action, String subjectType, String subjectId, @Nullable Object before, @Nullable Object after) {
        record(currentActor(), action, subjectType, subjectId, before, after);
    }

    /**
     * Records {@code action} by a named actor: for changes made while someone is signing in, before any principal is
     * authenticated (an upstream identity linked to its account at its first sign-in).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(
            String actor,
            String action,
            String subjectType,
            String subjectId,
            @Nullable Object before,
            @Nullable Object after) {
        jdbc.sql("""
                        INSERT INTO audit_entry (at, actor, action, subject_type, subject_id, before_state, after_state)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)
                        """)
                .params(
                        Timestamp.from(clock.instant()),
                        actor,
                        action,
                        subjectType,
                        subjectId,
                        toJson(before),
                        toJson(after))
                .update();
    }

    /** The name of whoever is acting: the token's subject, or {@code system} outside a request. */
    public static String currentActor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? SYSTEM : authentication.getName();
    }

    private @Nullable String toJson(@Nullable Object state) {
        return state == null ? null : json.writeValueAsString(state);
    }
}
