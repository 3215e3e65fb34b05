package org.whistle.orgregistry.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.whistle.orgregistry.organisation.domain.NodeKind;
import org.whistle.orgregistry.organisation.domain.OrgNode;

/**
 * The administrative tree in {@code org_node}. Each row keeps its materialised path ({@code /230200/230202/}), so
 * subtrees are one prefix scan and ancestries need no recursion.
 */
@Component
class NodeStore {

    private static final String COLUMNS =
            "code, kind, name, name_en, parent_code, path, valid_from, valid_to, revision";

    private final JdbcClient jdbc;
    private final Clock clock;

    NodeStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Row(OrgNode node, String path, long revision) {

        /** Codes from the city down to this node's parent. */
        List<String> ancestorCodes() {
            var codes = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
            return codes.subList(0, codes.size() - 1);
        }

        int depth() {
            return ancestorCodes().size();
        }
    }

    Optional<Row> find(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_node WHERE code = ?")
                .param(code)
                .query(NodeStore::row)
                .optional();
    }

    List<Row> roots() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_node WHERE parent_code IS NULL ORDER BY code")
                .query(NodeStore::row)
                .list();
    }

    List<Row> children(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_node WHERE parent_code = ? ORDER BY code")
                .param(code)
                .query(NodeStore::row)
                .list();
    }

    /** The node and its descendants down to {@code levels} below it, parents before children. */
    List<Row> subtree(Row root, int levels) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_node WHERE path LIKE ? AND"
                        + " length(path) - length(replace(path, '/', '')) <= ? ORDER BY path")
                .params(escapeLike(root.path()) + "%", root.depth() + 2 + levels)
                .query(NodeStore::row)
                .list();
    }

    /** The nodes from the city down to the given one, inclusive. */
    List<Row> ancestryOf(Row node) {
        var codes = new java.util.ArrayList<>(node.ancestorCodes());
        codes.add(node.node().code());
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_node WHERE code IN (:codes) ORDER BY length(path)")
                .param("codes", codes)
                .query(NodeStore::row)
                .list();
    }

    List<Row> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_node ORDER BY path")
                .query(NodeStore::row)
                .list();
    }

    boolean hasActiveChildren(String code, LocalDate day) {
        return jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM org_node WHERE parent_code = ? AND (valid_to IS NULL OR valid_to >= ?))")
                .params(code, day)
                .query(Boolean.class)
                .single();
    }

    boolean isEmpty() {
        return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM org_node)")
                .query(Boolean.class)
                .single();
    }

    Row insert(OrgNode node, @Nullable Row parent) {
        var path = (parent == null ? "/" : parent.path()) + node.code() + "/";
        jdbc.sql("""
                        INSERT INTO org_node (code, kind, name, name_en, parent_code, path, valid_from, valid_to,
                                              revision, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
                        """)
                .params(
                        node.code(),
                        node.kind().name(),
                        node.name(),
                        node.nameEn(),
                        node.parentCode(),
                        path,
                        node.validFrom(),
                        node.validTo(),
                        now())
                .update();
        return new Row(node, path, 1);
    }

    /**
     * Stores a changed node with the next revision; a new parent moves the whole subtree, whose paths change with
     * it. Returns the stored row.
     */
    Row update(Row current, OrgNode changed, @Nullable Row newParent) {
        var path = current.path();
        if (newParent != null && !newParent.node().code().equals(current.node().parentCode())) {
            path = newParent.path() + changed.code() + "/";
            jdbc.sql("UPDATE org_node SET path = ? || substring(path from ?) WHERE path LIKE ?")
                    .params(path, current.path().length() + 1, escapeLike(current.path()) + "%")
                    .update();
        }
        var revision = current.revision() + 1;
        jdbc.sql("""
                        UPDATE org_node SET name = ?, name_en = ?, parent_code = ?, valid_from = ?, valid_to = ?,
                                            revision = ?, updated_at = ?
                        WHERE code = ?
                        """)
                .params(
                        changed.name(),
                        changed.nameEn(),
                        changed.parentCode(),
                        changed.validFrom(),
                        changed.validTo(),
                        revision,
                        now(),
                        changed.code())
                .update();
        return new Row(changed, path, revision);
    }

    /** Every node below the given path, for republishing after a move changed their ancestry. */
    List<Row> descendants(String path) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_node WHERE path LIKE ? AND path <> ? ORDER BY path")
                .params(escapeLike(path) + "%", path)
                .query(NodeStore::row)
                .list();
    }

    /** Bumps a node's revision without changing it, when something published with it (its boundary) changed. */
    long touch(String code) {
        return jdbc.sql("UPDATE org_node SET revision = revision + 1, updated_at = ? WHERE code = ? RETURNING revision")
                .params(now(), code)
                .query(Long.class)
                .single();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var validTo = rs.getObject("valid_to", LocalDate.class);
        return new Row(
                new OrgNode(
                        rs.getString("code"),
                        NodeKind.valueOf(rs.getString("kind")),
                        rs.getString("name"),
                        rs.getString("name_en"),
                        rs.getString("parent_code"),
                        rs.getObject("valid_from", LocalDate.class),
                        validTo),
                rs.getString("path"),
                rs.getLong("revision"));
    }
}
