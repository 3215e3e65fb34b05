package org.whistle.members.place;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.whistle.events.GeoPoint;
import org.whistle.events.OrgUnitChanged;
import org.whistle.orgreference.copy.OrgReferenceCopy;

/**
 * The organisation as members-service needs it, from its own copy of the {@code org-*} topics: compounds, grids and
 * buildings by code, their ancestry for scope checks and names for people, and the grid a point lies in (the same
 * point-in-polygon lookup intake uses to place a whistle).
 */
@Component
public class Places {

    public static final String COMPOUND = "COMPOUND";
    public static final String GRID = "GRID";
    public static final String BUILDING = "BUILDING";

    private final OrgReferenceCopy org;

    Places(OrgReferenceCopy org) {
        this.org = org;
    }

    /** The node and its ancestors' codes; empty when the node is unknown. */
    public List<String> ancestry(String nodeId) {
        return org.ancestry(nodeId).stream().map(OrgUnitChanged::unitId).toList();
    }

    public boolean isActive(String nodeId, String kind) {
        return org.unit(nodeId).filter(u -> u.active() && kind.equals(u.kind())).isPresent();
    }

    /** Whether {@code nodeId} lies in the subtree of {@code ancestorId} (or is it). */
    public boolean within(String nodeId, String ancestorId) {
        return ancestry(nodeId).contains(ancestorId);
    }

    /** The name people read; a node this copy does not know reads as 未知地点, never as its code. */
    public String name(String nodeId) {
        return org.unit(nodeId).map(OrgUnitChanged::name).orElse("未知地点");
    }

    /** The compound a grid or building belongs to, or the node itself when it is a compound. */
    public Optional<String> compoundOf(String nodeId) {
        return org.ancestry(nodeId).stream()
                .filter(u -> COMPOUND.equals(u.kind()))
                .map(OrgUnitChanged::unitId)
                .reduce((first, second) -> second);
    }

    /** The city a node lies in (its CITY ancestor), whose points rules apply; {@code *} when unknown. */
    public String cityOf(String nodeId) {
        return org.ancestry(nodeId).stream()
                .filter(u -> "CITY".equals(u.kind()))
                .map(OrgUnitChanged::unitId)
                .findFirst()
                .orElse("*");
    }

    /** The first active handling unit of a kind answering for a node (its area). */
    public Optional<String> answeringFor(String nodeId, String kind) {
        return org.unitsAnsweringFor(nodeId, kind).stream()
                .map(OrgUnitChanged::unitId)
                .findFirst();
    }

    /** The community a compound belongs to. */
    public Optional<String> communityOf(String nodeId) {
        return org.ancestry(nodeId).stream()
                .filter(u -> "COMMUNITY".equals(u.kind()))
                .map(OrgUnitChanged::unitId)
                .findFirst();
    }

    /** The active grids of a compound. */
    public List<String> gridsOf(String compoundId) {
        return org.activeUnits().stream()
                .filter(u -> GRID.equals(u.kind()) && u.ancestry().contains(compoundId))
                .map(OrgUnitChanged::unitId)
                .toList();
    }

    /** The active compounds, by name; the caller's scope is checked apart. */
    public List<String> compounds() {
        return org.activeUnits().stream()
                .filter(u -> COMPOUND.equals(u.kind()))
                .sorted(java.util.Comparator.comparing(OrgUnitChanged::name).thenComparing(OrgUnitChanged::unitId))
                .map(OrgUnitChanged::unitId)
                .toList();
    }

    /** The active buildings of a compound (under its grids). */
    public List<String> buildingsOf(String compoundId) {
        return org.activeUnits().stream()
                .filter(u -> BUILDING.equals(u.kind()) && u.ancestry().contains(compoundId))
                .map(OrgUnitChanged::unitId)
                .toList();
    }

    /** The active grid covering a WGS-84 point. */
    public Optional<String> gridAt(GeoPoint wgs84) {
        return org.locate(wgs84).map(location -> location.grid().unitId());
    }
}
