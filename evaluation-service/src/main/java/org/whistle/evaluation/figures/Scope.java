package org.whistle.evaluation.figures;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which cases a figure counts and how they are grouped: SQL over the case rows {@code c} and the unit rows
 * {@code u}, with a grouping key per row. Only this package writes the SQL; callers choose a scope by name.
 */
public record Scope(
        String caseJoin,
        String caseWhere,
        String caseKey,
        String unitJoin,
        String unitWhere,
        String unitKey,
        Map<String, Object> params) {

    /** Areas: grids, communities, streets, districts, the city — a case counts for every area its place lies in. */
    public static final List<String> AREA_KINDS = List.of("CITY", "DISTRICT", "STREET", "COMMUNITY", "GRID");

    /** One area and everything below it. */
    public static Scope area(String node) {
        return new Scope(
                "JOIN org_unit a ON a.unit_id = c.area_id",
                "(a.unit_id = :node OR :node = ANY(a.ancestry))",
                "CAST(:node AS TEXT)",
                "JOIN org_unit a ON a.unit_id = c.area_id",
                "(a.unit_id = :node OR :node = ANY(a.ancestry))",
                "CAST(:node AS TEXT)",
                Map.of("node", node));
    }

    /** One handling unit: the cases it led and every summons it received. */
    public static Scope unit(String unit) {
        return new Scope(
                "",
                "c.lead_unit_id = :node",
                "CAST(:node AS TEXT)",
                "",
                "u.unit_id = :node",
                "CAST(:node AS TEXT)",
                Map.of("node", unit));
    }

    /** One command centre: the cases it owns and the units it summoned to them. */
    public static Scope centre(String centre) {
        return new Scope(
                "",
                "c.owning_centre_id = :node",
                "CAST(:node AS TEXT)",
                "",
                "c.owning_centre_id = :node",
                "CAST(:node AS TEXT)",
                Map.of("node", centre));
    }

    /** Every area of a kind within {@code within} (or everywhere), each counted on its own. */
    public static Scope areasOfKind(String kind, @Nullable String within) {
        var join = "JOIN org_unit a ON a.unit_id = c.area_id JOIN org_unit k ON k.kind = :kind"
                + " AND (k.unit_id = a.unit_id OR k.unit_id = ANY(a.ancestry))";
        var where = within == null ? "TRUE" : "(k.unit_id = :within OR :within = ANY(k.ancestry))";
        return new Scope(join, where, "k.unit_id", join, where, "k.unit_id", params(kind, within));
    }

    /** Every handling unit of a kind within {@code within}, each counted on its own. */
    public static Scope unitsOfKind(String kind, @Nullable String within) {
        var where =
                "k.kind = :kind" + (within == null ? "" : " AND (k.unit_id = :within OR :within = ANY(k.ancestry))");
        return new Scope(
                "JOIN org_unit k ON k.unit_id = c.lead_unit_id",
                where,
                "k.unit_id",
                "JOIN org_unit k ON k.unit_id = u.unit_id",
                where,
                "k.unit_id",
                params(kind, within));
    }

    /** Every command centre of a level, each counted on its own. */
    public static Scope centresOfLevel(String level, @Nullable String within) {
        var where = "k.kind = 'COMMAND_CENTRE' AND k.command_level = :kind"
                + (within == null ? "" : " AND (k.unit_id = :within OR :within = ANY(k.ancestry))");
        return new Scope(
                "JOIN org_unit k ON k.unit_id = c.owning_centre_id",
                where,
                "k.unit_id",
                "JOIN org_unit k ON k.unit_id = c.owning_centre_id",
                where,
                "k.unit_id",
                params(level, within));
    }

    private static Map<String, Object> params(String kind, @Nullable String within) {
        return within == null ? Map.of("kind", kind) : Map.of("kind", kind, "within", within);
    }
}
