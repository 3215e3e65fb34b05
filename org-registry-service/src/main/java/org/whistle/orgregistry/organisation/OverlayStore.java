package org.whistle.orgregistry.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.whistle.orgregistry.organisation.domain.PartyOrg;
import org.whistle.orgregistry.organisation.domain.PartyOrgKind;

/** What lies over the tree: party organisations ({@code party_org}) and grid boundaries ({@code grid_boundary}). */
@Component
class OverlayStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    OverlayStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<PartyOrg> findPartyOrg(String code) {
        return jdbc.sql("SELECT code, kind, name, node_code, parent_code FROM party_org WHERE code = ?")
                .param(code)
                .query(OverlayStore::partyOrg)
                .optional();
    }

    /** Party organisations on nodes of the subtree under the given path, top of the overlay first. */
    List<PartyOrg> partyOrgsWithin(String path) {
        return jdbc.sql("SELECT p.code, p.kind, p.name, p.node_code, p.parent_code FROM party_org p"
                        + " JOIN org_node n ON n.code = p.node_code WHERE n.path LIKE ? ORDER BY n.path, p.code")
                .param(NodeStore.escapeLike(path) + "%")
                .query(OverlayStore::partyOrg)
                .list();
    }

    void savePartyOrg(PartyOrg org) {
        jdbc.sql("""
                        INSERT INTO party_org (code, kind, name, node_code, parent_code, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (code) DO UPDATE SET kind = excluded.kind, name = excluded.name,
                            node_code = excluded.node_code, parent_code = excluded.parent_code,
                            updated_at = excluded.updated_at
                        """)
                .params(
                        org.code(),
                        org.kind().name(),
                        org.name(),
                        org.nodeCode(),
                        org.parentCode(),
                        Timestamp.from(clock.instant()))
                .update();
    }

    Optional<String> boundary(String gridCode) {
        return jdbc.sql("SELECT geometry::text FROM grid_boundary WHERE grid_code = ?")
                .param(gridCode)
                .query(String.class)
                .optional();
    }

    /** Boundaries of the grids in the subtree under the given path, by grid code. */
    Map<String, String> boundariesWithin(String path) {
        return jdbc
                .sql("SELECT b.grid_code, b.geometry::text AS geometry FROM grid_boundary b"
                        + " JOIN org_node n ON n.code = b.grid_code WHERE n.path LIKE ?")
                .param(NodeStore.escapeLike(path) + "%")
                .query((rs, n) -> Map.entry(rs.getString("grid_code"), rs.getString("geometry")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void saveBoundary(String gridCode, String geometry) {
        jdbc.sql("""
                        INSERT INTO grid_boundary (grid_code, geometry, updated_at) VALUES (?, ?::jsonb, ?)
                        ON CONFLICT (grid_code) DO UPDATE SET geometry = excluded.geometry,
                            updated_at = excluded.updated_at
                        """)
                .params(gridCode, geometry, Timestamp.from(clock.instant()))
                .update();
    }

    /** Changes whenever a boundary or a grid's validity changes, so cached indexes know when to rebuild. */
    String boundaryStamp() {
        return jdbc.sql("""
                        SELECT count(*) || ':' || coalesce(max(greatest(b.updated_at, n.updated_at))::text, '-')
                        FROM grid_boundary b JOIN org_node n ON n.code = b.grid_code
                        """).query(String.class).single();
    }

    private static PartyOrg partyOrg(ResultSet rs, int n) throws SQLException {
        return new PartyOrg(
                rs.getString("code"),
                PartyOrgKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                rs.getString("node_code"),
                rs.getString("parent_code"));
    }
}
