package org.whistle.evaluation.rules;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.whistle.evaluation.rules.domain.RuleSet;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The rule-set versions; a new version is added, none is ever changed. */
@Repository
public class RuleSets {

    private static final Logger AUDIT = LoggerFactory.getLogger("org.whistle.evaluation.audit");
    private static final JsonMapper JSON = JsonMapper.shared();

    private final JdbcClient jdbc;

    RuleSets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The version in force on a day: the newest one effective on or before it. */
    public RuleSet inForceOn(LocalDate day) {
        return jdbc.sql("SELECT * FROM rule_set WHERE effective_from <= :day ORDER BY effective_from DESC, version DESC"
                        + " LIMIT 1")
                .param("day", day)
                .query((rs, row) -> read(rs))
                .optional()
                .orElseGet(() -> version(1));
    }

    public RuleSet version(int version) {
        return jdbc.sql("SELECT * FROM rule_set WHERE version = :version")
                .param("version", version)
                .query((rs, row) -> read(rs))
                .single();
    }

    public List<RuleSet> all() {
        return jdbc.sql("SELECT * FROM rule_set ORDER BY version DESC")
                .query((rs, row) -> read(rs))
                .list();
    }

    /** Adds the next version. */
    public RuleSet add(
            LocalDate effectiveFrom,
            Set<String> exemptOutcomes,
            boolean countPhoneFollowUps,
            double basicallySatisfiedWeight,
            List<RuleSet.Weight> weights,
            String author,
            String reason,
            Instant now) {
        jdbc.sql("LOCK TABLE rule_set IN EXCLUSIVE MODE").update();
        int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM rule_set")
                .query(Integer.class)
                .single();
        jdbc.sql("""
                        INSERT INTO rule_set (version, effective_from, exempt_outcomes, count_phone_follow_ups,
                            basically_satisfied_weight, weights, author, reason, created_at)
                        VALUES (:version, :from, :outcomes, :phone, :basic, CAST(:weights AS JSONB), :author, :reason,
                            :now)
                        """)
                .param("version", version)
                .param("from", effectiveFrom)
                .param("outcomes", exemptOutcomes.stream().sorted().toArray(String[]::new))
                .param("phone", countPhoneFollowUps)
                .param("basic", basicallySatisfiedWeight)
                .param("weights", JSON.writeValueAsString(weights))
                .param("author", author)
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .update();
        AUDIT.info("rule set v{} effective {} added by {}: {}", version, effectiveFrom, author, reason);
        return version(version);
    }

    private static RuleSet read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new RuleSet(
                rs.getInt("version"),
                rs.getObject("effective_from", LocalDate.class),
                Set.of((String[]) rs.getArray("exempt_outcomes").getArray()),
                rs.getBoolean("count_phone_follow_ups"),
                rs.getDouble("basically_satisfied_weight"),
                JSON.readValue(rs.getString("weights"), new TypeReference<List<RuleSet.Weight>>() {}),
                rs.getString("author"),
                rs.getString("reason"),
                rs.getTimestamp("created_at").toInstant());
    }
}
