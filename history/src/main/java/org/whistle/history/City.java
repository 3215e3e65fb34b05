package org.whistle.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.whistle.events.ClockKind;
import org.whistle.events.GeoPoint;
import org.whistle.events.Urgency;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo city as the generator needs it, read from the same files org-registry imports ({@code demo/city}): its
 * grids with the community, street and district above them, the command centres, the categories, who leads each
 * category where (routing rules) and the clock durations (deadline policies).
 */
public final class City {

    /** A grid, where cases happen, with the areas above it (codes) and a point inside it. */
    public record Grid(
            String code,
            String name,
            String communityCode,
            String streetCode,
            String districtCode,
            List<String> ancestry,
            GeoPoint centre) {}

    /** A street (街道/乡镇) with its command centre and its district's. */
    public record Street(String code, String name, String centreId, String districtCentreId, List<Grid> grids) {}

    /** A leaf category with its parent and default urgency. */
    public record Category(String code, String name, String parentCode, Urgency urgency) {}

    /** Who leads a category in an area, and who co-handles it. */
    public record Route(String leadUnitId, List<String> coUnitIds) {}

    private record Node(String code, String kind, String name, String parent) {}

    private record Rule(String category, String area, String level, String lead, List<String> co, int precedence) {}

    private record Policy(String category, Urgency urgency, String level, Map<ClockKind, Duration> durations) {}

    private final Map<String, Street> streets;
    private final List<Category> categories;
    private final Map<String, String> unitKinds;
    private final List<Rule> rules;
    private final List<Policy> policies;

    private City(
            Map<String, Street> streets,
            List<Category> categories,
            Map<String, String> unitKinds,
            List<Rule> rules,
            List<Policy> policies) {
        this.streets = streets;
        this.categories = categories;
        this.unitKinds = unitKinds;
        this.rules = rules;
        this.policies = policies;
    }

    /** Reads the city from a folder laid out like {@code demo/city}. */
    public static City load(Path folder) {
        var nodes = new LinkedHashMap<String, Node>();
        for (var row : Csv.read(folder.resolve("nodes.csv"))) {
            nodes.put(
                    row.get("code"),
                    new Node(row.get("code"), row.get("kind"), row.get("name"), row.get("parent_code")));
        }
        var points = points(folder.resolve("grids.geojson"));
        var centres = new HashMap<String, String>();
        var unitKinds = new HashMap<String, String>();
        for (var row : Csv.read(folder.resolve("units.csv"))) {
            unitKinds.put(row.get("code"), row.get("kind"));
            if ("COMMAND_CENTRE".equals(row.get("kind"))) {
                centres.put(row.get("area_code"), row.get("code"));
            }
        }
        var gridsByStreet = new LinkedHashMap<String, List<Grid>>();
        for (var node : nodes.values()) {
            if (!"GRID".equals(node.kind()) || !points.containsKey(node.code())) {
                continue;
            }
            var ancestry = new ArrayList<String>();
            for (var up = nodes.get(node.parent()); up != null; up = nodes.get(up.parent())) {
                ancestry.addFirst(up.code());
            }
            String community = null;
            String street = null;
            String district = null;
            for (var code : ancestry) {
                switch (nodes.get(code).kind()) {
                    case "COMMUNITY" -> community = code;
                    case "STREET" -> street = code;
                    case "DISTRICT" -> district = code;
                    default -> {}
                }
            }
            if (community == null || street == null || district == null || !centres.containsKey(street)) {
                continue;
            }
            gridsByStreet
                    .computeIfAbsent(street, k -> new ArrayList<>())
                    .add(new Grid(
                            node.code(),
                            node.name(),
                            community,
                            street,
                            district,
                            List.copyOf(ancestry),
                            points.get(node.code())));
        }
        var streets = new LinkedHashMap<String, Street>();
        gridsByStreet.forEach((code, grids) -> {
            var district = grids.getFirst().districtCode();
            streets.put(
                    code,
                    new Street(
                            code,
                            nodes.get(code).name(),
                            centres.get(code),
                            centres.get(district),
                            List.copyOf(grids)));
        });
        var categories = new ArrayList<Category>();
        for (var row : Csv.read(folder.resolve("categories.csv"))) {
            if (!row.get("parent_code").isEmpty()) {
                categories.add(new Category(
                        row.get("code"),
                        row.get("name"),
                        row.get("parent_code"),
                        Urgency.valueOf(row.get("default_urgency"))));
            }
        }
        var rules = new ArrayList<Rule>();
        for (var row : Csv.read(folder.resolve("routing-rules.csv"))) {
            rules.add(new Rule(
                    row.get("category_code"),
                    row.get("area_code"),
                    row.get("level"),
                    row.get("lead_unit_code"),
                    row.get("co_unit_codes").isEmpty()
                            ? List.of()
                            : List.of(row.get("co_unit_codes").split(";")),
                    Integer.parseInt(row.get("precedence"))));
        }
        var policies = new ArrayList<Policy>();
        for (var row : Csv.read(folder.resolve("deadline-policies.csv"))) {
            var durations = new java.util.EnumMap<ClockKind, Duration>(ClockKind.class);
            for (var kind : ClockKind.values()) {
                var value = row.get(kind.name().toLowerCase(java.util.Locale.ROOT));
                if (value != null && !value.isEmpty()) {
                    durations.put(kind, Duration.parse(value));
                }
            }
            policies.add(new Policy(
                    row.get("category_code"), Urgency.valueOf(row.get("urgency")), row.get("level"), durations));
        }
        return new City(streets, List.copyOf(categories), unitKinds, List.copyOf(rules), List.copyOf(policies));
    }

    public List<Street> streets() {
        return List.copyOf(streets.values());
    }

    public Street street(String code) {
        var street = streets.get(code);
        if (street == null) {
            throw new IllegalArgumentException("no street " + code + " with grids in the demo city");
        }
        return street;
    }

    public List<Category> categories() {
        return categories;
    }

    /**
     * Who leads the category in the grid: the most specific rule (exact category before its parent before any, then
     * the deepest area, then precedence), as long as it names a handling unit rather than a command centre; empty
     * where only a centre's fallback applies (the generator then picks another category).
     */
    public Optional<Route> route(Category category, Grid grid) {
        var areas = new ArrayList<>(grid.ancestry());
        areas.add(grid.code());
        return rules.stream()
                .filter(r -> r.category().isEmpty()
                        || r.category().equals(category.code())
                        || r.category().equals(category.parentCode()))
                .filter(r -> areas.contains(r.area()))
                .filter(r -> r.level().isEmpty() || "STREET".equals(r.level()))
                .max(Comparator.<Rule>comparingInt(r -> specificity(r.category(), category))
                        .thenComparingInt(r -> r.area().length())
                        .thenComparingInt(Rule::precedence))
                .filter(r -> !"COMMAND_CENTRE".equals(unitKinds.get(r.lead())))
                .map(r -> new Route(r.lead(), r.co()));
    }

    /**
     * The duration of a clock for a street-level case of the category and urgency: the most specific policy (exact
     * category, then its parent, then any; a policy for the street level before one for every level).
     */
    public Duration limit(ClockKind kind, Category category, Urgency urgency) {
        return policies.stream()
                .filter(p -> p.urgency() == urgency)
                .filter(p -> p.category().isEmpty()
                        || p.category().equals(category.code())
                        || p.category().equals(category.parentCode()))
                .filter(p -> p.level().isEmpty() || "STREET".equals(p.level()))
                .filter(p -> p.durations().containsKey(kind))
                .max(Comparator.<Policy>comparingInt(p -> specificity(p.category(), category))
                        .thenComparingInt(p -> p.level().isEmpty() ? 0 : 1))
                .map(p -> p.durations().get(kind))
                .orElseThrow(() ->
                        new IllegalStateException("no " + kind + " deadline for " + category.code() + " " + urgency));
    }

    private static int specificity(String ruleCategory, Category category) {
        return ruleCategory.equals(category.code()) ? 2 : ruleCategory.equals(category.parentCode()) ? 1 : 0;
    }

    /** The centre of each grid's outline. */
    private static Map<String, GeoPoint> points(Path geojson) {
        try {
            var root = JsonMapper.builder().build().readTree(Files.readString(geojson));
            var points = new HashMap<String, GeoPoint>();
            for (var feature : root.get("features")) {
                var ring = feature.get("geometry").get("coordinates").get(0);
                double lng = 0;
                double lat = 0;
                int n = ring.size() - 1;
                for (int i = 0; i < n; i++) {
                    lng += ring.get(i).get(0).asDouble();
                    lat += ring.get(i).get(1).asDouble();
                }
                points.put(
                        feature.get("properties").get("code").asString(),
                        new GeoPoint(Math.round(lat / n * 1e6) / 1e6, Math.round(lng / n * 1e6) / 1e6));
            }
            return points;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static @Nullable String orNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
