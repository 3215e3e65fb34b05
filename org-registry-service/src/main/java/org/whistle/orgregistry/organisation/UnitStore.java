package org.whistle.orgregistry.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.whistle.orgregistry.organisation.domain.HandlingUnit;
import org.whistle.orgregistry.organisation.domain.UnitKind;

/** Handling units in {@code handling_unit}. */
@Component
class UnitStore {

    private static final String COLUMNS =
            "code, kind, name, name_en, parent_unit_code, area_code, duty_name, duty_phone,"
                    + " valid_from, valid_to, revision";

    private final JdbcClient jdbc;
    private final Clock clock;

    UnitStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Stored<HandlingUnit>> find(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM handling_unit WHERE code = ?")
                .param(code)
                .query(UnitStore::row)
                .optional();
    }

    /** Units answering for any of the given nodes, optionally of one kind, in code order. */
    List<Stored<HandlingUnit>> forAreas(List<String> areaCodes, @Nullable UnitKind kind) {
        if (areaCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM handling_unit WHERE area_code IN (:areas)"
                        + " AND (CAST(:kind AS varchar) IS NULL OR kind = :kind) ORDER BY code")
                .param("areas", areaCodes)
                .param("kind", kind == null ? null : kind.name())
                .query(UnitStore::row)
                .list();
    }

    /** Units answering for a node anywhere in the subtree under the given path. */
    List<Stored<HandlingUnit>> within(String path, @Nullable UnitKind kind) {
        return jdbc.sql("SELECT u.code, u.kind, u.name, u.name_en, u.parent_unit_code, u.area_code, u.duty_name,"
                        + " u.duty_phone, u.valid_from, u.valid_to, u.revision FROM handling_unit u"
                        + " JOIN org_node n ON n.code = u.area_code WHERE n.path LIKE :prefix"
                        + " AND (CAST(:kind AS varchar) IS NULL OR u.kind = :kind) ORDER BY u.code")
                .param("prefix", NodeStore.escapeLike(path) + "%")
                .param("kind", kind == null ? null : kind.name())
                .query(UnitStore::row)
                .list();
    }

    List<Stored<HandlingUnit>> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM handling_unit ORDER BY code")
                .query(UnitStore::row)
                .list();
    }

    boolean anyActiveAt(String areaCode, LocalDate day) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM handling_unit WHERE area_code = ?"
                        + " AND (valid_to IS NULL OR valid_to >= ?))")
                .params(areaCode, day)
                .query(Boolean.class)
                .single();
    }

    boolean hasActiveChildren(String code, LocalDate day) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM handling_unit WHERE parent_unit_code = ?"
                        + " AND (valid_to IS NULL OR valid_to >= ?))")
                .params(code, day)
                .query(Boolean.class)
                .single();
    }

    Stored<HandlingUnit> insert(HandlingUnit unit) {
        jdbc.sql("""
                        INSERT INTO handling_unit (code, kind, name, name_en, parent_unit_code, area_code, duty_name,
                                                   duty_phone, valid_from, valid_to, revision, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
                        """)
                .params(
                        unit.code(),
                        unit.kind().name(),
                        unit.name(),
                        unit.nameEn(),
                        unit.parentUnitCode(),
                        unit.areaCode(),
                        unit.dutyName(),
                        unit.dutyPhone(),
                        unit.validFrom(),
                        unit.validTo(),
                        Timestamp.from(clock.instant()))
                .update();
        return new Stored<>(unit, 1);
    }

    Stored<HandlingUnit> update(Stored<HandlingUnit> current, HandlingUnit changed) {
        var revision = current.revision() + 1;
        jdbc.sql("""
                        UPDATE handling_unit SET name = ?, name_en = ?, parent_unit_code = ?, area_code = ?,
                               duty_name = ?, duty_phone = ?, valid_from = ?, valid_to = ?, revision = ?, updated_at = ?
                        WHERE code = ?
                        """)
                .params(
                        changed.name(),
                        changed.nameEn(),
                        changed.parentUnitCode(),
                        changed.areaCode(),
                        changed.dutyName(),
                        changed.dutyPhone(),
                        changed.validFrom(),
                        changed.validTo(),
                        revision,
                        Timestamp.from(clock.instant()),
                        changed.code())
                .update();
        return new Stored<>(changed, revision);
    }

    private static Stored<HandlingUnit> row(ResultSet rs, int n) throws SQLException {
        return new Stored<>(
                new HandlingUnit(
                        rs.getString("code"),
                        UnitKind.valueOf(rs.getString("kind")),
                        rs.getString("name"),
                        rs.getString("name_en"),
                        rs.getString("parent_unit_code"),
                        rs.getString("area_code"),
                        rs.getString("duty_name"),
                        rs.getString("duty_phone"),
                        rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class)),
                rs.getLong("revision"));
    }
}
