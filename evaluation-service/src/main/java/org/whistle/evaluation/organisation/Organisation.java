package org.whistle.evaluation.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.whistle.events.CategoryChanged;
import org.whistle.events.OrgUnitChanged;

/**
 * The organisation units and categories this service has heard of. A unit's newest revision wins whatever order
 * the events arrive in, so a replay gives the same table.
 */
@Repository
public class Organisation {

    private final JdbcClient jdbc;

    Organisation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A unit: its name, kind, level and the ids from the city down to its parent. */
    public record Unit(
            String id,
            String name,
            String kind,
            @Nullable String parentId,
            List<String> ancestry,
            @Nullable String commandLevel,
            @Nullable String areaId) {

        /** The unit and its ancestors. */
        public List<String> path() {
            var path = new ArrayList<>(ancestry);
            path.add(id);
            return path;
        }
    }

    public void apply(OrgUnitChanged unit, long revision) {
        jdbc.sql("""
                        INSERT INTO org_unit (unit_id, code, name, kind, parent_id, ancestry, command_level, area_id,
                            active, revision)
                        VALUES (:id, :code, :name, :kind, :parent, :ancestry, :level, :area, :active, :revision)
                        ON CONFLICT (unit_id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name,
                            kind = EXCLUDED.kind, parent_id = EXCLUDED.parent_id, ancestry = EXCLUDED.ancestry,
                            command_level = EXCLUDED.command_level, area_id = EXCLUDED.area_id,
                            active = EXCLUDED.active, revision = EXCLUDED.revision
                        WHERE org_unit.revision <= EXCLUDED.revision
                        """)
                .param("id", unit.unitId())
                .param("code", unit.code())
                .param("name", unit.name())
                .param("kind", unit.kind())
                .param("parent", unit.parentId())
                .param("ancestry", unit.ancestry().toArray(String[]::new))
                .param(
                        "level",
                        unit.commandLevel() == null ? null : unit.commandLevel().name())
                .param("area", unit.areaId())
                .param("active", unit.active())
                .param("revision", revision)
                .update();
    }

    public void apply(CategoryChanged category, long revision) {
        jdbc.sql("""
                        INSERT INTO org_category (code, name, parent_code, revision)
                        VALUES (:code, :name, :parent, :revision)
                        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, parent_code = EXCLUDED.parent_code,
                            revision = EXCLUDED.revision
                        WHERE org_category.revision <= EXCLUDED.revision
                        """)
                .param("code", category.code())
                .param("name", category.name())
                .param("parent", category.parentCode())
                .param("revision", revision)
                .update();
    }

    public Optional<Unit> unit(String id) {
        return jdbc.sql("SELECT * FROM org_unit WHERE unit_id = :id")
                .param("id", id)
                .query((rs, row) -> new Unit(
                        rs.getString("unit_id"),
                        rs.getString("name"),
                        rs.getString("kind"),
                        rs.getString("parent_id"),
                        List.of((String[]) rs.getArray("ancestry").getArray()),
                        rs.getString("command_level"),
                        rs.getString("area_id")))
                .optional();
    }

    /** The unit's name, or its id when this service has not heard of it (never an empty cell). */
    public String name(@Nullable String id) {
        if (id == null) {
            return "";
        }
        return unit(id).map(Unit::name).orElse(id);
    }

    public String categoryName(@Nullable String code) {
        if (code == null) {
            return "";
        }
        return jdbc.sql("SELECT name FROM org_category WHERE code = :code")
                .param("code", code)
                .query(String.class)
                .optional()
                .orElse(code);
    }
}
