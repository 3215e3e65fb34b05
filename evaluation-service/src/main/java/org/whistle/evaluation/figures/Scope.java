package org.whistle.evaluation.figures;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which cases a figure counts and how they are grouped: SQL over the case rows {@code c} and the unit rows
 * {@code u}, with a grouping key per row — and the same over the rollups {@code r} (ADR 0037), whose object is the
 * case's place (dimension A), its lead unit or the summoned unit (U) or its owning centre (C). Only this package
 * writes the SQL; callers choose a scope by name.
 */
public record Scope(
        String caseJoin,
        String caseWhere,
        String caseKey,
        String unitJoin,
        String unitWhere,
        String unitKey,
        Map<String, Object> params,
        Rolled rolled) {

    /** The scope over the rollups: one dimension, a join and condition on {@code r.object_id}, a grouping key. */
    public record Rolled(char dim, String join, String where, String key) {}

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
                Map.of("node", node),
                new Rolled(
                        'A',
                        "JOIN org_unit a ON a.unit_id = r.object_id",
                        "(a.unit_id = :node OR :node = ANY(a.ancestry))",
                        "CAST(:node AS TEXT)"));
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
                Map.of("node", unit),
                new Rolled('U', "", "r.object_id = :node", "CAST(:node AS TEXT)"));
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
                Map.of("node", centre),
                new Rolled('C', "", "r.object_id = :node", "CAST(:node AS TEXT)"));
    }

    /** Every area of a kind within {@code within} (or everywhere), each counted on its own. */
    public static Scope areasOfKind(String kind, @Nullable String within) {
        var join = "JOIN org_unit a ON a.unit_id = c.area_id JOIN org_unit k ON k.kind = :kind"
                + " AND (k.unit_id = a.unit_id OR k.unit_id = ANY(a.ancestry))";
        var where = within == null ? "TRUE" : "(k.unit_id = :within OR :within = ANY(k.ancestry))";
        var rolled = new Rolled(
                'A',
                "JOIN org_unit a ON a.unit_id = r.object_id JOIN org_unit k ON k.kind = :kind"
                        + " AND (k.unit_id = a.unit_id OR k.unit_id = ANY(a.ancestry))",
                where,
                "k.unit_id");
        return new Scope(join, where, "k.unit_id", join, where, "k.unit_id", params(kind, within), rolled);
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
                params(kind, within),
                new Rolled('U', "JOIN org_unit k ON k.unit_id = r.object_id", where, "k.unit_id"));
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
                params(level, within),
                new Rolled('C', "JOIN org_unit k ON k.unit_id = r.object_id", where, "k.unit_id"));
    }

    private static Map<String, Object> params(String kind, @Nullable String within) {
        return within == null ? Map.of("kind", kind) : Map.of("kind", kind, "within", within);
    }
}
