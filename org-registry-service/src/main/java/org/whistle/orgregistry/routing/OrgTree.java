package org.whistle.orgregistry.routing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.whistle.orgreference.domain.routing.NodeCode;
import org.whistle.orgreference.domain.routing.UnitCode;

/**
 * What routing needs of the organisation tree, read with plain SQL from its tables: whether nodes and units exist,
 * a node's ancestry, and which units are in service (no {@code valid_to}, or one not yet passed).
 */
@Component
class OrgTree {

    private final JdbcClient jdbc;
    private final Clock clock;

    OrgTree(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean nodeExists(NodeCode node) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM org_node WHERE code = ?)")
                .param(node.value())
                .query(Boolean.class)
                .single();
    }

    boolean unitExists(UnitCode unit) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM handling_unit WHERE code = ?)")
                .param(unit.value())
                .query(Boolean.class)
                .single();
    }

    /** The node and its ancestors, city first; empty when there is no such node. */
    Optional<List<NodeCode>> ancestry(NodeCode node) {
        return jdbc.sql("SELECT path FROM org_node WHERE code = ?")
                .param(node.value())
                .query(String.class)
                .optional()
                .map(path -> Arrays.stream(path.split("/"))
                        .filter(code -> !code.isEmpty())
                        .map(NodeCode::new)
                        .toList());
    }

    /** Those of {@code units} in service today. */
    List<UnitCode> inService(List<UnitCode> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "SELECT code FROM handling_unit WHERE code IN (:codes) AND (valid_to IS NULL OR valid_to >= :today)")
                .param("codes", units.stream().map(UnitCode::value).toList())
                .param("today", LocalDate.now(clock))
                .query((rs, n) -> new UnitCode(rs.getString(1)))
                .list();
    }
}
