package org.whistle.orgregistry.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.events.OrgUnitChanged;
import org.whistle.events.ReferenceEvent;
import org.whistle.orgreference.domain.geography.GeoJsonPolygons;
import org.whistle.orgreference.domain.geography.InvalidGeoJsonException;
import org.whistle.orgregistry.audit.AuditLog;
import org.whistle.orgregistry.organisation.domain.HandlingUnit;
import org.whistle.orgregistry.organisation.domain.NodeKind;
import org.whistle.orgregistry.organisation.domain.OrgNode;
import org.whistle.orgregistry.organisation.domain.PartyOrg;
import org.whistle.orgregistry.publishing.ReferencePublisher;
import org.whistle.orgregistry.publishing.ReferenceSource;
import org.whistle.problems.ConflictException;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;

/**
 * Changes the organisation: each change is checked whole, stored, audited and published to {@code org-units} in one
 * transaction, so the topic and the audit trail never disagree with the tables.
 */
@Service
public class MaintainingOrganisation implements ReferenceSource {

    /** Validity dates are calendar days in the city's time zone. */
    static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    private final NodeStore nodes;
    private final UnitStore units;
    private final OverlayStore overlays;
    private final AuditLog audit;
    private final ReferencePublisher publisher;
    private final Clock clock;

    MaintainingOrganisation(
            NodeStore nodes,
            UnitStore units,
            OverlayStore overlays,
            AuditLog audit,
            ReferencePublisher publisher,
            Clock clock) {
        this.nodes = nodes;
        this.units = units;
        this.overlays = overlays;
        this.audit = audit;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Transactional
    public Stored<OrgNode> createNode(OrgNode node) {
        if (nodes.find(node.code()).isPresent()) {
            throw new ConflictException(Phrase.of("orgregistry.refusal.nodeExists"));
        }
        rejectIfAny(nodeViolations(node));
        return saveNode(node);
    }

    /** Replaces a node's name, parent and validity; its kind is part of its identity and never changes. */
    @Transactional
    public Stored<OrgNode> updateNode(OrgNode changed) {
        var current = nodes.find(changed.code()).orElseThrow(() -> new NotFoundException("node", changed.code()));
        if (current.node().kind() != changed.kind()) {
            throw InvalidInputException.of(
                    "kind",
                    Phrase.of(
                            "orgregistry.refusal.nodeKindFixed",
                            "kind",
                            Phrase.name("node", current.node().kind())));
        }
        rejectIfAny(nodeViolations(changed));
        return saveNode(changed);
    }

    /** Retires a node after {@code lastDay}; a node with active children or units keeps serving. */
    @Transactional
    public Stored<OrgNode> retireNode(String code, @Nullable LocalDate lastDay) {
        var current = nodes.find(code).orElseThrow(() -> new NotFoundException("node", code));
        var day = lastDay == null ? today() : lastDay;
        if (nodes.hasActiveChildren(code, day.plusDays(1))) {
            throw new ConflictException(Phrase.of("orgregistry.refusal.nodeHasChildren"));
        }
        if (units.anyActiveAt(code, day.plusDays(1))) {
            throw new ConflictException(Phrase.of("orgregistry.refusal.nodeIsArea"));
        }
        return saveNode(current.node().retiredAfter(day));
    }

    /** What is wrong with a node given the stored tree. */
    List<Violation> nodeViolations(OrgNode node) {
        var parent = node.parentCode() == null
                ? null
                : nodes.find(node.parentCode()).map(NodeStore.Row::node).orElse(null);
        var violations = new ArrayList<>(node.violations(parent));
        if (parent != null && movesUnderItself(node)) {
            violations.add(new Violation("parentCode", Phrase.of("orgregistry.refusal.underOwnDescendant")));
        }
        return violations;
    }

    private boolean movesUnderItself(OrgNode node) {
        return node.parentCode() != null
                && nodes.find(node.parentCode())
                        .map(parent -> parent.ancestorCodes().contains(node.code()))
                        .orElse(false);
    }

    /** Inserts or updates a node that passed its checks; unchanged nodes are left alone and publish nothing. */
    Stored<OrgNode> saveNode(OrgNode node) {
        var current = nodes.find(node.code());
        var parent =
                node.parentCode() == null ? null : nodes.find(node.parentCode()).orElseThrow();
        if (current.isEmpty()) {
            var row = nodes.insert(node, parent);
            audit.record("NODE_CREATED", "node", node.code(), null, node);
            publishNode(row);
            return new Stored<>(node, row.revision());
        }
        var before = current.get();
        if (before.node().equals(node)) {
            return new Stored<>(node, before.revision());
        }
        var row = nodes.update(before, node, parent);
        audit.record(
                node.validTo() != null && before.node().validTo() == null ? "NODE_RETIRED" : "NODE_UPDATED",
                "node",
                node.code(),
                before.node(),
                node);
        publishNode(row);
        if (!row.path().equals(before.path())) {
            // A move changes the ancestry every descendant published.
            nodes.descendants(row.path()).forEach(descendant -> publishNode(withNewRevision(descendant)));
        }
        return new Stored<>(node, row.revision());
    }

    private NodeStore.Row withNewRevision(NodeStore.Row row) {
        return new NodeStore.Row(row.node(), row.path(), nodes.touch(row.node().code()));
    }

    /** Sets a grid's boundary after checking it is a usable polygon that overlaps no other grid. */
    @Transactional
    public void putBoundary(String gridCode, String geometryJson) {
        var grid = nodes.find(gridCode).orElseThrow(() -> new NotFoundException("node", gridCode));
        if (grid.node().kind() != NodeKind.GRID) {
            throw InvalidInputException.of(
                    "code",
                    Phrase.of(
                            "orgregistry.refusal.notAGrid",
                            "kind",
                            Phrase.name("node", grid.node().kind())));
        }
        org.locationtech.jts.geom.Geometry area;
        try {
            area = GeoJsonPolygons.readGeometry(geometryJson);
        } catch (InvalidGeoJsonException e) {
            throw new InvalidInputException(e.problems().stream()
                    .map(problem -> new Violation("geometry", problem.reason()))
                    .toList());
        }
        var others = overlays.boundariesWithin("/");
        others.remove(gridCode);
        GridOverlaps.firstOverlap(area, others).ifPresent(other -> {
            throw InvalidInputException.of("geometry", Phrase.of("orgregistry.refusal.overlapsGrid"));
        });
        saveBoundary(grid, geometryJson);
    }

    void saveBoundary(NodeStore.Row grid, String geometryJson) {
        var before = overlays.boundary(grid.node().code()).orElse(null);
        overlays.saveBoundary(grid.node().code(), geometryJson);
        var after = overlays.boundary(grid.node().code()).orElseThrow();
        if (Objects.equals(before, after)) {
            return;
        }
        audit.record("BOUNDARY_SET", "grid", grid.node().code(), before, after);
        publishNode(withNewRevision(grid));
    }

    @Transactional
    public Stored<HandlingUnit> createUnit(HandlingUnit unit) {
        if (units.find(unit.code()).isPresent()) {
            throw new ConflictException(Phrase.of("orgregistry.refusal.unitExists"));
        }
        rejectIfAny(unitViolations(unit));
        return saveUnit(unit);
    }

    @Transactional
    public Stored<HandlingUnit> updateUnit(HandlingUnit changed) {
        var current = units.find(changed.code()).orElseThrow(() -> new NotFoundException("unit", changed.code()));
        if (current.entity().kind() != changed.kind()) {
            throw InvalidInputException.of(
                    "kind",
                    Phrase.of(
                            "orgregistry.refusal.unitKindFixed",
                            "kind",
                            Phrase.name("node", current.entity().kind())));
        }
        rejectIfAny(unitViolations(changed));
        return saveUnit(changed);
    }

    @Transactional
    public Stored<HandlingUnit> retireUnit(String code, @Nullable LocalDate lastDay) {
        var current = units.find(code).orElseThrow(() -> new NotFoundException("unit", code));
        var day = lastDay == null ? today() : lastDay;
        if (units.hasActiveChildren(code, day.plusDays(1))) {
            throw new ConflictException(Phrase.of("orgregistry.refusal.unitHasSubUnits"));
        }
        return saveUnit(current.entity().retiredAfter(day));
    }

    List<Violation> unitViolations(HandlingUnit unit) {
        var area = nodes.find(unit.areaCode()).map(NodeStore.Row::node).orElse(null);
        var parent = unit.parentUnitCode() == null
                ? null
                : units.find(unit.parentUnitCode()).map(Stored::entity).orElse(null);
        return unit.violations(area, parent);
    }

    Stored<HandlingUnit> saveUnit(HandlingUnit unit) {
        var current = units.find(unit.code());
        if (current.isEmpty()) {
            var stored = units.insert(unit);
            audit.record("UNIT_CREATED", "unit", unit.code(), null, unit);
            publishUnit(stored);
            return stored;
        }
        if (current.get().entity().equals(unit)) {
            return current.get();
        }
        var stored = units.update(current.get(), unit);
        audit.record(
                unit.validTo() != null && current.get().entity().validTo() == null ? "UNIT_RETIRED" : "UNIT_UPDATED",
                "unit",
                unit.code(),
                current.get().entity(),
                unit);
        publishUnit(stored);
        return stored;
    }

    @Transactional
    public PartyOrg savePartyOrg(PartyOrg org) {
        rejectIfAny(partyOrgViolations(org));
        return writePartyOrg(org);
    }

    List<Violation> partyOrgViolations(PartyOrg org) {
        var node = nodes.find(org.nodeCode()).map(NodeStore.Row::node).orElse(null);
        var parent = org.parentCode() == null
                ? null
                : overlays.findPartyOrg(org.parentCode()).orElse(null);
        return org.violations(node, parent);
    }

    PartyOrg writePartyOrg(PartyOrg org) {
        var before = overlays.findPartyOrg(org.code()).orElse(null);
        if (org.equals(before)) {
            return org;
        }
        overlays.savePartyOrg(org);
        audit.record(before == null ? "PARTY_ORG_CREATED" : "PARTY_ORG_UPDATED", "party-org", org.code(), before, org);
        return org;
    }

    @Override
    public void currentState(BiConsumer<ReferenceEvent, Long> sink) {
        nodes.all().forEach(row -> sink.accept(nodeEvent(row), row.revision()));
        units.all().forEach(unit -> sink.accept(unitEvent(unit), unit.revision()));
    }

    private void publishNode(NodeStore.Row row) {
        publisher.publish(nodeEvent(row), row.revision());
    }

    private void publishUnit(Stored<HandlingUnit> unit) {
        publisher.publish(unitEvent(unit), unit.revision());
    }

    private OrgUnitChanged nodeEvent(NodeStore.Row row) {
        var node = row.node();
        return new OrgUnitChanged(
                node.code(),
                node.code(),
                node.name(),
                node.kind().name(),
                node.parentCode(),
                row.ancestorCodes(),
                node.kind().commandLevel(),
                node.activeOn(today()),
                node.validFrom(),
                node.validTo(),
                null,
                node.kind() == NodeKind.GRID ? overlays.boundary(node.code()).orElse(null) : null);
    }

    private OrgUnitChanged unitEvent(Stored<HandlingUnit> stored) {
        var unit = stored.entity();
        var area = nodes.find(unit.areaCode()).orElseThrow();
        var ancestry = new ArrayList<>(area.ancestorCodes());
        ancestry.add(area.node().code());
        return new OrgUnitChanged(
                unit.code(),
                unit.code(),
                unit.name(),
                unit.kind().name(),
                unit.parentUnitCode(),
                ancestry,
                unit.level(area.node().kind()),
                unit.activeOn(today()),
                unit.validFrom(),
                unit.validTo(),
                unit.areaCode(),
                null);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(CITY_ZONE));
    }

    private static void rejectIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
