package org.whistle.members.points;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.whistle.members.points.domain.RuleSet;

/** Rule sets per city; a city without its own follows the default ({@code *}). */
@Repository
public class RuleSets {

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

    /** Replaces a city's rule set; entries already in the ledger keep the amounts they were granted with. */
    public void replace(RuleSet rules, String by, Instant at) {
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
}
