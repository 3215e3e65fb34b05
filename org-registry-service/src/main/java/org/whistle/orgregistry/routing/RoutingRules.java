package org.whistle.orgregistry.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.whistle.events.CommandLevel;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.routing.NodeCode;
import org.whistle.orgreference.domain.routing.RoutingRule;
import org.whistle.orgreference.domain.routing.RuleId;
import org.whistle.orgreference.domain.routing.UnitCode;

/** The stored routing rules, read and written with plain SQL. */
@Component
public class RoutingRules {

    private static final String SELECT = """
            SELECT rule_id, category_code, area_code, level, lead_unit_code,
                   array_to_string(co_unit_codes, ';') AS co_units, precedence, active, revision
            FROM routing_rule
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    RoutingRules(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<RoutingRule> find(RuleId id) {
        return jdbc.sql(SELECT + " WHERE rule_id = ?")
                .param(id.value())
                .query(RoutingRules::map)
                .optional();
    }

    /** Rules for exactly this area and category when given, by rule id; retired ones only when asked for. */
    public List<RoutingRule> list(@Nullable String area, @Nullable String category, boolean includeRetired) {
        return jdbc.sql(SELECT + """
                         WHERE (active OR :includeRetired)
                           AND (CAST(:area AS varchar) IS NULL OR area_code = :area)
                           AND (CAST(:category AS varchar) IS NULL OR category_code = :category)
                         ORDER BY rule_id
                        """)
                .param("includeRetired", includeRetired)
                .param("area", area)
                .param("category", category)
                .query(RoutingRules::map)
                .list();
    }

    /** The active rules whose area is one of {@code areas}: every rule that can match a whistle there. */
    List<RoutingRule> activeIn(List<NodeCode> areas) {
        if (areas.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE active AND area_code IN (:areas)")
                .param("areas", areas.stream().map(NodeCode::value).toList())
                .query(RoutingRules::map)
                .list();
    }

    List<RuleId> activeFor(CategoryCode category) {
        return jdbc.sql("SELECT rule_id FROM routing_rule WHERE active AND category_code = ? ORDER BY rule_id")
                .param(category.value())
                .query((rs, n) -> new RuleId(rs.getString(1)))
                .list();
    }

    List<RoutingRule> all() {
        return jdbc.sql(SELECT + " ORDER BY rule_id").query(RoutingRules::map).list();
    }

    void insert(RoutingRule rule) {
        jdbc.sql("""
                        INSERT INTO routing_rule (rule_id, category_code, area_code, level, lead_unit_code,
                                                  co_unit_codes, precedence, active, revision, updated_at)
                        VALUES (:id, :category, :area, :level, :lead, string_to_array(:coUnits, ';'),
                                :precedence, :active, :revision, :at)
                        """).params(params(rule)).update();
    }

    void update(RoutingRule rule) {
        jdbc.sql("""
                        UPDATE routing_rule SET category_code = :category, area_code = :area, level = :level,
                               lead_unit_code = :lead, co_unit_codes = string_to_array(:coUnits, ';'),
                               precedence = :precedence, active = :active, revision = :revision, updated_at = :at
                        WHERE rule_id = :id
                        """).params(params(rule)).update();
    }

    private Map<String, Object> params(RoutingRule rule) {
        var params = new HashMap<String, Object>();
        params.put("id", rule.id().value());
        params.put("category", rule.category() == null ? null : rule.category().value());
        params.put("area", rule.area().value());
        params.put("level", rule.level() == null ? null : rule.level().name());
        params.put("lead", rule.lead().value());
        params.put(
                "coUnits",
                String.join(";", rule.coUnits().stream().map(UnitCode::value).toList()));
        params.put("precedence", rule.precedence());
        params.put("active", rule.active());
        params.put("revision", rule.revision());
        params.put("at", Timestamp.from(clock.instant()));
        return params;
    }

    private static RoutingRule map(ResultSet rs, int row) throws SQLException {
        var category = rs.getString("category_code");
        var level = rs.getString("level");
        var coUnits = rs.getString("co_units");
        return new RoutingRule(
                new RuleId(rs.getString("rule_id")),
                category == null ? null : new CategoryCode(category),
                new NodeCode(rs.getString("area_code")),
                level == null ? null : CommandLevel.valueOf(level),
                new UnitCode(rs.getString("lead_unit_code")),
                coUnits == null || coUnits.isEmpty()
                        ? List.of()
                        : Arrays.stream(coUnits.split(";")).map(UnitCode::new).toList(),
                rs.getInt("precedence"),
                rs.getBoolean("active"),
                rs.getLong("revision"));
    }
}
