package org.whistle.orgreference.copy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.whistle.events.CategoryChanged;
import org.whistle.events.CommandLevel;
import org.whistle.events.DeadlinePolicyChanged;
import org.whistle.events.EventEnvelope;
import org.whistle.events.GeoPoint;
import org.whistle.events.OrgUnitChanged;
import org.whistle.events.RoutingRuleChanged;
import org.whistle.events.Urgency;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.deadlines.DeadlinePolicy;
import org.whistle.orgreference.domain.deadlines.PolicyLookup;
import org.whistle.orgreference.domain.geography.GeoJsonPolygons;
import org.whistle.orgreference.domain.geography.GridIndex;
import org.whistle.orgreference.domain.routing.NodeCode;
import org.whistle.orgreference.domain.routing.Proposal;
import org.whistle.orgreference.domain.routing.RoutingPolicy;
import org.whistle.orgreference.domain.routing.RoutingQuery;
import org.whistle.orgreference.domain.routing.RoutingRule;

/**
 * The latest state of every organisation unit, category, routing rule and deadline policy, as published on the
 * {@code org-*} topics. A record older than the one held (a lower revision) is ignored, so replays and reordering
 * are harmless. Answers with the same rules org-registry applies ({@link RoutingPolicy}, {@link PolicyLookup}).
 */
public final class OrgReferenceCopy {

    /** Kinds of org unit this copy interprets; the rest it only holds. */
    static final String GRID = "GRID";

    static final String COMMAND_CENTRE = "COMMAND_CENTRE";

    private record Held<T>(T state, long revision) {}

    /** Where a location lies: its grid and the grid's ancestry, city first, the grid last. */
    public record Location(GeoPoint wgs84, OrgUnitChanged grid, List<OrgUnitChanged> ancestry) {}

    private final Map<String, Held<OrgUnitChanged>> units = new ConcurrentHashMap<>();
    private final Map<String, Held<CategoryChanged>> categories = new ConcurrentHashMap<>();
    private final Map<String, Held<RoutingRuleChanged>> rules = new ConcurrentHashMap<>();
    private final Map<String, Held<DeadlinePolicyChanged>> policies = new ConcurrentHashMap<>();
    private volatile @Nullable GridIndex grids;

    /** Takes one record from an {@code org-*} topic; returns whether it changed the copy. */
    public boolean apply(EventEnvelope<?> envelope) {
        var revision = envelope.revision();
        return switch (envelope.data()) {
            case OrgUnitChanged unit -> {
                var changed = keepNewer(units, unit.unitId(), unit, revision);
                if (changed && GRID.equals(unit.kind())) {
                    grids = null;
                }
                yield changed;
            }
            case CategoryChanged category -> keepNewer(categories, category.code(), category, revision);
            case RoutingRuleChanged rule -> keepNewer(rules, rule.ruleId(), rule, revision);
            case DeadlinePolicyChanged policy -> keepNewer(policies, policy.policyId(), policy, revision);
            default -> false;
        };
    }

    private static <T> boolean keepNewer(Map<String, Held<T>> map, String key, T state, long revision) {
        var before = map.get(key);
        var after = map.merge(
                key,
                new Held<>(state, revision),
                (held, offered) -> offered.revision() > held.revision() ? offered : held);
        return after != before;
    }

    public Optional<OrgUnitChanged> unit(String id) {
        return Optional.ofNullable(units.get(id)).map(Held::state);
    }

    /** Every active unit, by id: for instance the place names intake matches a caller's address against. */
    public List<OrgUnitChanged> activeUnits() {
        return units.values().stream()
                .map(Held::state)
                .filter(OrgUnitChanged::active)
                .sorted(Comparator.comparing(OrgUnitChanged::unitId))
                .toList();
    }

    /** The node and its ancestors, city first, the node last; empty when the node is unknown. */
    public List<OrgUnitChanged> ancestry(String nodeId) {
        var node = unit(nodeId);
        if (node.isEmpty()) {
            return List.of();
        }
        var chain = new ArrayList<OrgUnitChanged>();
        node.get().ancestry().forEach(id -> unit(id).ifPresent(chain::add));
        chain.add(node.get());
        return chain;
    }

    /** The active grid covering a WGS-84 point, with its ancestry. */
    public Optional<Location> locate(GeoPoint wgs84) {
        return gridIndex()
                .gridAt(wgs84)
                .map(grid -> new Location(wgs84, unit(grid).orElseThrow(), ancestry(grid)));
    }

    /** The active command centre answering for a node at a command level: its area is the node's ancestor there. */
    public Optional<OrgUnitChanged> commandCentre(String nodeId, CommandLevel level) {
        var areas = ancestry(nodeId).stream()
                .filter(node -> node.kind().equals(level.name()))
                .map(OrgUnitChanged::unitId)
                .toList();
        return units.values().stream()
                .map(Held::state)
                .filter(unit -> COMMAND_CENTRE.equals(unit.kind()) && unit.active() && areas.contains(unit.areaId()))
                .min(Comparator.comparing(OrgUnitChanged::unitId));
    }

    /** Active units answering for a node, of one kind or all. */
    public List<OrgUnitChanged> unitsAnsweringFor(String nodeId, @Nullable String kind) {
        return units.values().stream()
                .map(Held::state)
                .filter(unit -> nodeId.equals(unit.areaId()) && unit.active())
                .filter(unit -> kind == null || kind.equals(unit.kind()))
                .sorted(Comparator.comparing(OrgUnitChanged::unitId))
                .toList();
    }

    public Optional<CategoryChanged> category(String code) {
        return Optional.ofNullable(categories.get(code)).map(Held::state);
    }

    public List<CategoryChanged> categories() {
        return categories.values().stream()
                .map(Held::state)
                .sorted(Comparator.comparing(CategoryChanged::code))
                .toList();
    }

    /** The routing proposal org-registry would make for a category at a node and command level. */
    public Optional<Proposal> propose(String categoryCode, String nodeId, @Nullable CommandLevel level) {
        var category = category(categoryCode);
        if (category.isEmpty()) {
            return Optional.empty();
        }
        var query = new RoutingQuery(
                new CategoryCode(categoryCode),
                category.get().parentCode() == null
                        ? null
                        : new CategoryCode(category.get().parentCode()),
                ancestry(nodeId).stream()
                        .map(node -> new NodeCode(node.unitId()))
                        .toList(),
                level);
        var candidates = rules.values().stream()
                .map(held -> RoutingRule.from(held.state(), held.revision()))
                .toList();
        return RoutingPolicy.propose(
                query,
                candidates,
                unit -> unit(unit.value()).map(OrgUnitChanged::active).orElse(false));
    }

    /** The deadline policy that applies to a category × urgency × level, most specific first. */
    public Optional<PolicyLookup.Match> deadlinePolicy(
            @Nullable String categoryCode, Urgency urgency, @Nullable CommandLevel level) {
        var category = categoryCode == null ? Optional.<CategoryChanged>empty() : category(categoryCode);
        var main =
                category.map(CategoryChanged::parentCode).map(CategoryCode::new).orElse(null);
        List<DeadlinePolicy> candidates = policies.values().stream()
                .map(held -> DeadlinePolicy.from(held.state(), held.revision()))
                .toList();
        return PolicyLookup.find(
                candidates, categoryCode == null ? null : new CategoryCode(categoryCode), main, urgency, level);
    }

    /** How much of each kind the copy holds, for health details and logs. */
    public Map<String, Integer> size() {
        var size = new HashMap<String, Integer>();
        size.put("units", units.size());
        size.put("categories", categories.size());
        size.put("rules", rules.size());
        size.put("policies", policies.size());
        return size;
    }

    private GridIndex gridIndex() {
        var index = grids;
        if (index == null) {
            var areas = new HashMap<String, Geometry>();
            units.values().stream()
                    .map(Held::state)
                    .filter(unit -> GRID.equals(unit.kind()) && unit.active() && unit.boundary() != null)
                    .forEach(grid -> areas.put(grid.unitId(), GeoJsonPolygons.readGeometry(grid.boundary())));
            index = GridIndex.of(areas);
            grids = index;
        }
        return index;
    }
}
