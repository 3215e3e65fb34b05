package org.whistle.orgregistry.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.events.CommandLevel;
import org.whistle.orgregistry.organisation.domain.HandlingUnit;
import org.whistle.orgregistry.organisation.domain.OrgNode;
import org.whistle.orgregistry.organisation.domain.PartyOrg;
import org.whistle.orgregistry.organisation.domain.UnitKind;
import org.whistle.problems.NotFoundException;

/** Reads the organisation: nodes, subtrees, ancestries, the units and party organisations of a place, grid maps. */
@Service
@Transactional(readOnly = true)
public class OrganisationTree {

    private final NodeStore nodes;
    private final UnitStore units;
    private final OverlayStore overlays;
    private final Clock clock;

    OrganisationTree(NodeStore nodes, UnitStore units, OverlayStore overlays, Clock clock) {
        this.nodes = nodes;
        this.units = units;
        this.overlays = overlays;
        this.clock = clock;
    }

    /** A node as the API shows it. */
    public record NodeView(
            String code,
            String kind,
            String name,
            @Nullable String nameEn,
            @Nullable String parentCode,
            CommandLevel level,
            LocalDate validFrom,
            @Nullable LocalDate validTo,
            boolean active,
            long revision) {}

    /** A node with its children, down to the depth asked for. */
    public record TreeView(NodeView node, List<TreeView> children) {}

    /** A handling unit as the API shows it; whether its duty contact is masked is the web layer's call. */
    public record UnitView(HandlingUnit unit, CommandLevel level, boolean active, long revision) {}

    public NodeView node(String code) {
        return view(row(code));
    }

    /** The tops of the tree: the city (a deployment may serve several). */
    public List<NodeView> roots() {
        return nodes.roots().stream().map(this::view).toList();
    }

    public List<NodeView> children(String code) {
        row(code);
        return nodes.children(code).stream().map(this::view).toList();
    }

    /** The nodes from the city down to the given one, inclusive. */
    public List<NodeView> ancestry(String code) {
        return nodes.ancestryOf(row(code)).stream().map(this::view).toList();
    }

    public TreeView subtree(String code, int levels) {
        var root = row(code);
        var byParent = new HashMap<String, List<NodeStore.Row>>();
        for (var row : nodes.subtree(root, levels)) {
            if (row.node().parentCode() != null) {
                byParent.computeIfAbsent(row.node().parentCode(), k -> new ArrayList<>())
                        .add(row);
            }
        }
        return tree(root, byParent);
    }

    private TreeView tree(NodeStore.Row row, Map<String, List<NodeStore.Row>> byParent) {
        var children = byParent.getOrDefault(row.node().code(), List.of()).stream()
                .map(child -> tree(child, byParent))
                .toList();
        return new TreeView(view(row), children);
    }

    /**
     * Units answering for a node: those whose area is the node itself, or — with {@code inherited} — also those
     * whose area is one of its ancestors (the district bureaus for a grid), nearest first.
     */
    public List<UnitView> unitsFor(String code, boolean inherited, @Nullable UnitKind kind) {
        var node = row(code);
        List<String> areas;
        if (inherited) {
            areas = new ArrayList<>(node.ancestorCodes());
            areas.add(code);
            java.util.Collections.reverse(areas);
        } else {
            areas = List.of(code);
        }
        var found = units.forAreas(areas, kind);
        var order = new HashMap<String, Integer>();
        for (int i = 0; i < areas.size(); i++) {
            order.put(areas.get(i), i);
        }
        return found.stream()
                .sorted(java.util.Comparator.comparing(
                        (Stored<HandlingUnit> u) -> order.get(u.entity().areaCode())))
                .map(this::unitView)
                .toList();
    }

    /** Every unit answering for a node in the subtree of the given one. */
    public List<UnitView> unitsWithin(String code, @Nullable UnitKind kind) {
        return units.within(row(code).path(), kind).stream().map(this::unitView).toList();
    }

    public UnitView unit(String code) {
        return units.find(code).map(this::unitView).orElseThrow(() -> new NotFoundException("unit", code));
    }

    public List<PartyOrg> partyOrgsWithin(String code) {
        return overlays.partyOrgsWithin(row(code).path());
    }

    /** The boundaries of the grids within a node, as GeoJSON geometry text by grid node. */
    public Map<NodeView, String> gridsWithin(String code) {
        var boundaries = overlays.boundariesWithin(row(code).path());
        var result = new java.util.LinkedHashMap<NodeView, String>();
        boundaries.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry ->
                        nodes.find(entry.getKey()).ifPresent(grid -> result.put(view(grid), entry.getValue())));
        return result;
    }

    UnitView unitView(Stored<HandlingUnit> stored) {
        var unit = stored.entity();
        var area = nodes.find(unit.areaCode()).orElseThrow();
        return new UnitView(unit, unit.level(area.node().kind()), unit.activeOn(today()), stored.revision());
    }

    NodeStore.Row row(String code) {
        return nodes.find(code).orElseThrow(() -> new NotFoundException("node", code));
    }

    NodeView view(NodeStore.Row row) {
        OrgNode node = row.node();
        return new NodeView(
                node.code(),
                node.kind().name(),
                node.name(),
                node.nameEn(),
                node.parentCode(),
                node.kind().commandLevel(),
                node.validFrom(),
                node.validTo(),
                node.activeOn(today()),
                row.revision());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(MaintainingOrganisation.CITY_ZONE));
    }
}
