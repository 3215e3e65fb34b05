package org.whistle.members.points;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.members.points.domain.RuleSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rule sets per city; a city without its own follows the default ({@code *}). Each replacement is kept with the rules
 * before and after, who and when ({@code rule_set_change}).
 */
@Repository
public class RuleSets {

    /** One replacement of a city's rules: before is absent when the city followed the default until then. */
    public record RuleChange(
            Instant at, String byName, @Nullable JsonNode before, JsonNode after) {}

    /** The most changes one answer lists, newest first. */
    private static final int CHANGES_SHOWN = 100;

    private final JdbcClient jdbc;

    RuleSets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public RuleSet forCity(String cityId) {
        return stored(cityId).or(() -> stored("*")).orElseThrow();
    }

    public Optional<RuleSet> stored(String cityId) {
        var items = jdbc.sql("SELECT code, name, points, yearly_cap FROM rule_item WHERE city_id = :city ORDER BY code")
                .param("city", cityId)
                .query((rs, n) ->
                        new RuleSet.Item(rs.getString("code"), rs.getString("name"), rs.getInt("points"), (Integer)
                                rs.getObject("yearly_cap")))
                .list();
        return jdbc.sql("SELECT * FROM rule_set WHERE city_id = :city")
                .param("city", cityId)
                .query((rs, n) -> new RuleSet(
                        rs.getString("city_id"),
                        rs.getString("name"),
                        rs.getInt("base_points"),
                        rs.getInt("floor_points"),
                        rs.getBoolean("annual_reset"),
                        rs.getInt("no_show_points"),
                        rs.getInt("excellent_threshold"),
                        items))
                .optional();
    }

    /**
     * Replaces a city's rule set in one transaction (a reader never finds the city without its rules or half its
     * items) and keeps the change; entries already in the ledger keep the amounts they were granted with.
     */
    @Transactional
    public void replace(RuleSet rules, String by, String byName, Instant at) {
        var before = stored(rules.cityId());
        jdbc.sql("""
                        INSERT INTO rule_set_change (city_id, changed_at, changed_by, changed_name, before, after)
                        VALUES (:city, :at, :by, :name, CAST(:before AS JSONB), CAST(:after AS JSONB))""")
                .param("city", rules.cityId())
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("name", byName)
                .param(
                        "before",
                        before.map(JsonMapper.shared()::writeValueAsString).orElse(null))
                .param("after", JsonMapper.shared().writeValueAsString(rules))
                .update();
        jdbc.sql("DELETE FROM rule_set WHERE city_id = :city")
                .param("city", rules.cityId())
                .update();
        jdbc.sql("""
                        INSERT INTO rule_set (city_id, name, base_points, floor_points, annual_reset, no_show_points,
                            excellent_threshold, updated_at, updated_by)
                        VALUES (:city, :name, :base, :floor, :reset, :noShow, :threshold, :at, :by)""")
                .param("city", rules.cityId())
                .param("name", rules.name())
                .param("base", rules.basePoints())
                .param("floor", rules.floorPoints())
                .param("reset", rules.annualReset())
                .param("noShow", rules.noShowPoints())
                .param("threshold", rules.excellentThreshold())
                .param("at", Timestamp.from(at))
                .param("by", by)
                .update();
        for (var item : rules.items()) {
            jdbc.sql("""
                            INSERT INTO rule_item (city_id, code, name, points, yearly_cap)
                            VALUES (:city, :code, :name, :points, :cap)""")
                    .param("city", rules.cityId())
                    .param("code", item.code())
                    .param("name", item.name())
                    .param("points", item.points())
                    .param("cap", item.yearlyCap())
                    .update();
        }
    }

    /** A city's rule changes, newest first. */
    public List<RuleChange> changes(String cityId) {
        return jdbc.sql("""
                        SELECT changed_at, changed_name, before::text AS before, after::text AS after
                        FROM rule_set_change WHERE city_id = :city ORDER BY seq DESC LIMIT :limit""")
                .param("city", cityId)
                .param("limit", CHANGES_SHOWN)
                .query((rs, n) -> new RuleChange(
                        rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("changed_name"),
                        rs.getString("before") == null
                                ? null
                                : JsonMapper.shared().readTree(rs.getString("before")),
                        JsonMapper.shared().readTree(rs.getString("after"))))
                .list();
    }
}
