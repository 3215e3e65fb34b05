package org.whistle.dispatch.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.whistle.events.CommandLevel;
import org.whistle.events.OrgUnitChanged;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import org.whistle.orgreference.domain.routing.UnitCode;

/** What dispatch asks of its copy of the organisation: who commands where, and the areas centres answer for. */
@Component
public class OrgLookups {

    private final OrgReferenceCopy copy;
    private final DispatchProperties properties;

    OrgLookups(OrgReferenceCopy copy, DispatchProperties properties) {
        this.copy = copy;
        this.properties = properties;
    }

    public OrgReferenceCopy copy() {
        return copy;
    }

    /** The command centre's area and its ancestors, city first; empty when the copy does not know the centre. */
    public List<String> areaOf(UnitCode centre) {
        return copy.unit(centre.value())
                .map(unit -> {
                    var codes = new ArrayList<>(unit.ancestry());
                    if (unit.areaId() != null && !codes.contains(unit.areaId())) {
                        codes.add(unit.areaId());
                    }
                    return List.copyOf(codes);
                })
                .orElse(List.of());
    }

    /** The centre answering at {@code level} for the area of {@code centre}. */
    public Optional<UnitCode> centreAt(UnitCode centre, CommandLevel level) {
        return copy.unit(centre.value())
                .map(OrgUnitChanged::areaId)
                .flatMap(area -> copy.commandCentre(area, level))
                .map(unit -> UnitCode.of(unit.unitId()));
    }

    public Optional<UnitCode> centreFor(String node, CommandLevel level) {
        return copy.commandCentre(node, level).map(unit -> UnitCode.of(unit.unitId()));
    }

    /** The node a whistle is placed at: its grid, else its street, else the city. */
    public String nodeOf(@Nullable String gridId, @Nullable String streetId) {
        return gridId != null ? gridId : streetId != null ? streetId : properties.cityNode();
    }

    /** The node and its ancestors as codes, city first; at least the node itself. */
    public List<String> pathOf(String node) {
        var codes = copy.ancestry(node).stream().map(OrgUnitChanged::unitId).toList();
        return codes.isEmpty() ? List.of(node) : codes;
    }

    public String cityNode() {
        return properties.cityNode();
    }
}
