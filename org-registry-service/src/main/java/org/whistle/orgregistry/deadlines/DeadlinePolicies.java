package org.whistle.orgregistry.deadlines;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.DeadlinePolicyChanged.Escalation;
import org.whistle.events.Urgency;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.deadlines.DeadlinePolicy;
import org.whistle.orgreference.domain.deadlines.PauseCondition;
import org.whistle.orgreference.domain.deadlines.PolicyId;

/** The stored deadline policies, read and written with plain SQL; one column per clock, ISO-8601 durations. */
@Component
public class DeadlinePolicies {

    private static final Map<ClockKind, String> COLUMNS = Map.of(
            ClockKind.FILE, "file",
            ClockKind.REPORT_IN, "report_in",
            ClockKind.CONTACT_REPORTER, "contact_reporter",
            ClockKind.RESOLVE, "resolve",
            ClockKind.VERIFY, "verify",
            ClockKind.FOLLOW_UP, "follow_up");
    private static final String SELECT = """
            SELECT policy_id, category_code, urgency, level, file, report_in, contact_reporter, resolve, verify,
                   follow_up, warning_ratio, escalation, array_to_string(pause_when, ';') AS pause_when,
                   calendar_id, active, revision
            FROM deadline_policy
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    DeadlinePolicies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<DeadlinePolicy> find(PolicyId id) {
        return jdbc.sql(SELECT + " WHERE policy_id = ?")
                .param(id.value())
                .query(DeadlinePolicies::map)
                .optional();
    }

    public List<DeadlinePolicy> all(boolean includeRetired) {
        return jdbc.sql(SELECT + " WHERE active OR :includeRetired ORDER BY policy_id")
                .param("includeRetired", includeRetired)
                .query(DeadlinePolicies::map)
                .list();
    }

    /** The active policies for an urgency: every candidate of a lookup. */
    List<DeadlinePolicy> activeFor(Urgency urgency) {
        return jdbc.sql(SELECT + " WHERE active AND urgency = ?")
                .param(urgency.name())
                .query(DeadlinePolicies::map)
                .list();
    }

    List<PolicyId> activeUsing(CategoryCode category) {
        return jdbc.sql("SELECT policy_id FROM deadline_policy WHERE active AND category_code = ? ORDER BY policy_id")
                .param(category.value())
                .query((rs, n) -> new PolicyId(rs.getString(1)))
                .list();
    }

    void insert(DeadlinePolicy policy) {
        jdbc.sql("""
                        INSERT INTO deadline_policy (policy_id, category_code, urgency, level, file, report_in,
                                contact_reporter, resolve, verify, follow_up, warning_ratio, escalation, pause_when,
                                calendar_id, active, revision, updated_at)
                        VALUES (:id, :category, :urgency, :level, :file, :report_in, :contact_reporter, :resolve,
                                :verify, :follow_up, :warningRatio, :escalation, string_to_array(:pauseWhen, ';'),
                                :calendar, :active, :revision, :at)
                        """).params(params(policy)).update();
    }

    void update(DeadlinePolicy policy) {
        jdbc.sql("""
                        UPDATE deadline_policy SET category_code = :category, urgency = :urgency, level = :level,
                               file = :file, report_in = :report_in, contact_reporter = :contact_reporter,
                               resolve = :resolve, verify = :verify, follow_up = :follow_up,
                               warning_ratio = :warningRatio, escalation = :escalation,
                               pause_when = string_to_array(:pauseWhen, ';'), calendar_id = :calendar,
                               active = :active, revision = :revision, updated_at = :at
                        WHERE policy_id = :id
                        """).params(params(policy)).update();
    }

    private Map<String, Object> params(DeadlinePolicy policy) {
        var params = new HashMap<String, Object>();
        params.put("id", policy.id().value());
        params.put(
                "category", policy.category() == null ? null : policy.category().value());
        params.put("urgency", policy.urgency().name());
        params.put("level", policy.level() == null ? null : policy.level().name());
        COLUMNS.forEach((clock, column) ->
                params.put(column, policy.durations().get(clock).toString()));
        params.put("warningRatio", policy.warningRatio());
        params.put("escalation", policy.escalation().name());
        params.put(
                "pauseWhen",
                policy.pauseWhen().stream().sorted().map(Enum::name).collect(Collectors.joining(";")));
        params.put("calendar", policy.calendarId());
        params.put("active", policy.active());
        params.put("revision", policy.revision());
        params.put("at", Timestamp.from(clock.instant()));
        return params;
    }

    private static DeadlinePolicy map(ResultSet rs, int row) throws SQLException {
        var category = rs.getString("category_code");
        var level = rs.getString("level");
        var durations = new EnumMap<ClockKind, Duration>(ClockKind.class);
        for (var entry : COLUMNS.entrySet()) {
            durations.put(entry.getKey(), Duration.parse(rs.getString(entry.getValue())));
        }
        var pauseWhen = rs.getString("pause_when");
        return new DeadlinePolicy(
                new PolicyId(rs.getString("policy_id")),
                category == null ? null : new CategoryCode(category),
                Urgency.valueOf(rs.getString("urgency")),
                level == null ? null : CommandLevel.valueOf(level),
                durations,
                rs.getDouble("warning_ratio"),
                Escalation.valueOf(rs.getString("escalation")),
                pauseWhen == null || pauseWhen.isEmpty()
                        ? java.util.Set.of()
                        : Arrays.stream(pauseWhen.split(";"))
                                .map(PauseCondition::valueOf)
                                .collect(Collectors.toSet()),
                rs.getString("calendar_id"),
                rs.getBoolean("active"),
                rs.getLong("revision"));
    }
}
