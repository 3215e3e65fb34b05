package org.whistle.orgregistry.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.orgreference.domain.geography.GeoJsonPolygons;
import org.whistle.orgreference.domain.geography.InvalidGeoJsonException;
import org.whistle.orgregistry.importing.CsvTable;
import org.whistle.orgregistry.importing.ImportErrors;
import org.whistle.orgregistry.importing.ImportRow;
import org.whistle.orgregistry.importing.ImportSummary;
import org.whistle.orgregistry.importing.ImportSummary.Saved;
import org.whistle.orgregistry.importing.UpsertRows;
import org.whistle.orgregistry.organisation.domain.HandlingUnit;
import org.whistle.orgregistry.organisation.domain.NodeKind;
import org.whistle.orgregistry.organisation.domain.OrgNode;
import org.whistle.orgregistry.organisation.domain.PartyOrg;
import org.whistle.orgregistry.organisation.domain.PartyOrgKind;
import org.whistle.orgregistry.organisation.domain.UnitKind;
import org.whistle.problems.ImportRejectedException;
import org.whistle.problems.RowError;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;

/**
 * Bulk import of the organisation (formats in {@code docs/org-data-formats.md}). Every row is checked against the
 * stored data and the rows above it; one bad row rejects the file and nothing of it is stored. Rows upsert by code,
 * so importing the same file twice changes nothing the second time.
 */
@Service
public class ImportingOrganisation {

    private final MaintainingOrganisation maintaining;
    private final NodeStore nodes;
    private final UnitStore units;
    private final OverlayStore overlays;

    ImportingOrganisation(
            MaintainingOrganisation maintaining, NodeStore nodes, UnitStore units, OverlayStore overlays) {
        this.maintaining = maintaining;
        this.nodes = nodes;
        this.units = units;
        this.overlays = overlays;
    }

    @Transactional
    public ImportSummary importNodes(String file, InputStream csv) {
        return new UpsertRows<OrgNode>("code", ImportingOrganisation::node, OrgNode::code, this::nodeViolations)
                .run(
                        CsvTable.read(file, csv, List.of("code", "kind", "name", "parent_code", "valid_from")),
                        node -> saved(
                                nodes.find(node.code()).map(NodeStore.Row::revision), maintaining.saveNode(node)));
    }

    @Transactional
    public ImportSummary importUnits(String file, InputStream csv) {
        return new UpsertRows<HandlingUnit>(
                        "code", ImportingOrganisation::unit, HandlingUnit::code, this::unitViolations)
                .run(
                        CsvTable.read(file, csv, List.of("code", "kind", "name", "area_code", "valid_from")),
                        unit -> saved(units.find(unit.code()).map(Stored::revision), maintaining.saveUnit(unit)));
    }

    @Transactional
    public ImportSummary importPartyOrgs(String file, InputStream csv) {
        return new UpsertRows<PartyOrg>(
                        "code", ImportingOrganisation::partyOrg, PartyOrg::code, maintaining::partyOrgViolations)
                .run(CsvTable.read(file, csv, List.of("code", "kind", "name", "node_code", "parent_code")), org -> {
                    var before = overlays.findPartyOrg(org.code());
                    maintaining.writePartyOrg(org);
                    return before.isEmpty()
                            ? Saved.CREATED
                            : before.get().equals(org) ? Saved.UNCHANGED : Saved.UPDATED;
                });
    }

    private List<Violation> nodeViolations(OrgNode node) {
        var violations = new ArrayList<>(maintaining.nodeViolations(node));
        nodes.find(node.code())
                .filter(stored -> stored.node().kind() != node.kind())
                .ifPresent(stored -> violations.add(new Violation(
                        "kind", "node " + node.code() + " is a " + stored.node().kind())));
        return violations;
    }

    private List<Violation> unitViolations(HandlingUnit unit) {
        var violations = new ArrayList<>(maintaining.unitViolations(unit));
        units.find(unit.code())
                .filter(stored -> stored.entity().kind() != unit.kind())
                .ifPresent(stored -> violations.add(new Violation(
                        "kind",
                        "unit " + unit.code() + " is a " + stored.entity().kind())));
        return violations;
    }

    private static @Nullable OrgNode node(ImportRow row, ImportErrors errors) {
        var code = row.required("code", errors);
        var kind = row.requiredEnum("kind", NodeKind.class, "node", errors);
        var name = row.required("name", errors);
        var validFrom = row.requiredDate("valid_from", errors);
        var validTo = row.optionalDate("valid_to", errors);
        if (code == null || kind == null || name == null || validFrom == null) {
            return null;
        }
        return new OrgNode(code, kind, name, row.optional("name_en"), row.optional("parent_code"), validFrom, validTo);
    }

    private static @Nullable HandlingUnit unit(ImportRow row, ImportErrors errors) {
        var code = row.required("code", errors);
        var kind = row.requiredEnum("kind", UnitKind.class, "node", errors);
        var name = row.required("name", errors);
        var area = row.required("area_code", errors);
        var validFrom = row.requiredDate("valid_from", errors);
        var validTo = row.optionalDate("valid_to", errors);
        if (code == null || kind == null || name == null || area == null || validFrom == null) {
            return null;
        }
        return new HandlingUnit(
                code,
                kind,
                name,
                row.optional("name_en"),
                row.optional("parent_unit_code"),
                area,
                row.optional("duty_name"),
                row.optional("duty_phone"),
                validFrom,
                validTo);
    }

    private static @Nullable PartyOrg partyOrg(ImportRow row, ImportErrors errors) {
        var code = row.required("code", errors);
        var kind = row.requiredEnum("kind", PartyOrgKind.class, errors);
        var name = row.required("name", errors);
        var node = row.required("node_code", errors);
        if (code == null || kind == null || name == null || node == null) {
            return null;
        }
        return new PartyOrg(code, kind, name, node, row.optional("parent_code"));
    }

    /**
     * Sets grid boundaries from a GeoJSON FeatureCollection whose features name their grid in {@code properties.code}.
     * Rows in the error report are 1-based feature numbers.
     */
    @Transactional
    public ImportSummary importGrids(String file, InputStream geoJson) {
        Map<String, Geometry> areas;
        try {
            areas = GeoJsonPolygons.readGrids(new String(geoJson.readAllBytes(), StandardCharsets.UTF_8));
        } catch (InvalidGeoJsonException e) {
            throw new ImportRejectedException(e.problems().stream()
                    .map(problem -> new RowError(
                            file,
                            problem.featureIndex() == null ? 0 : problem.featureIndex() + 1,
                            problem.gridId() == null ? null : "properties.code",
                            problem.reason()))
                    .toList());
        } catch (IOException e) {
            throw new ImportRejectedException(
                    List.of(new RowError(file, 0, null, Phrase.of("orgregistry.refusal.importUnreadable"))));
        }
        var errors = new ImportErrors();
        var feature = 0;
        var grids = new LinkedHashMap<String, NodeStore.Row>();
        for (var code : areas.keySet()) {
            feature++;
            var node = nodes.find(code);
            if (node.isEmpty()) {
                errors.add(
                        new RowError(file, feature, "properties.code", Phrase.of("orgregistry.refusal.unknownNode")));
            } else if (node.get().node().kind() != NodeKind.GRID) {
                errors.add(new RowError(
                        file,
                        feature,
                        "properties.code",
                        Phrase.of(
                                "orgregistry.refusal.notAGrid",
                                "kind",
                                Phrase.name("node", node.get().node().kind()))));
            } else {
                grids.put(code, node.get());
            }
        }
        var everything = new HashMap<String, Geometry>();
        overlays.boundariesWithin("/")
                .forEach((code, json) -> everything.put(code, GeoJsonPolygons.readGeometry(json)));
        everything.putAll(areas);
        var positions = new ArrayList<>(areas.keySet());
        overlapsAmong(everything, areas)
                .forEach((code, other) -> errors.add(new RowError(
                        file, positions.indexOf(code) + 1, "geometry", Phrase.of("orgregistry.refusal.overlapsGrid"))));
        errors.throwIfAny();
        var outcomes = new ArrayList<Saved>();
        for (var grid : grids.entrySet()) {
            var json = GeoJsonPolygons.writeGeometry(areas.get(grid.getKey()));
            var before = overlays.boundary(grid.getKey());
            maintaining.saveBoundary(grid.getValue(), json);
            outcomes.add(
                    before.isEmpty()
                            ? Saved.CREATED
                            : before.equals(overlays.boundary(grid.getKey())) ? Saved.UNCHANGED : Saved.UPDATED);
        }
        return ImportSummary.of(file, outcomes);
    }

    /** For each imported grid that overlaps another grid (imported or stored), the first such other grid. */
    private static Map<String, String> overlapsAmong(Map<String, Geometry> everything, Map<String, Geometry> imported) {
        var index = new STRtree();
        everything.forEach((code, area) -> index.insert(area.getEnvelopeInternal(), code));
        var overlaps = new LinkedHashMap<String, String>();
        imported.forEach((code, area) -> {
            @SuppressWarnings("unchecked")
            List<String> candidates = index.query(area.getEnvelopeInternal());
            candidates.stream()
                    .filter(other -> !other.equals(code))
                    .sorted()
                    .filter(other -> GridOverlaps.overlap(area, everything.get(other)))
                    .findFirst()
                    .ifPresent(other -> overlaps.put(code, other));
        });
        return overlaps;
    }

    private static <T> Saved saved(Optional<Long> revisionBefore, Stored<T> after) {
        return revisionBefore.isEmpty()
                ? Saved.CREATED
                : revisionBefore.get() == after.revision() ? Saved.UNCHANGED : Saved.UPDATED;
    }
}
