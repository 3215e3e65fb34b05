package org.whistle.orgregistry.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.events.GeoPoint;
import org.whistle.orgreference.domain.geography.CoordinateSystem;
import org.whistle.orgregistry.organisation.OrganisationTree.NodeView;
import org.whistle.orgregistry.organisation.ResolvingLocations;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;

@RestController
@Tag(name = "resolve", description = "Which grid a location lies in")
class ResolveController {

    private final ResolvingLocations resolving;
    private final DutyContacts contacts;

    ResolveController(ResolvingLocations resolving, DutyContacts contacts) {
        this.resolving = resolving;
        this.contacts = contacts;
    }

    record ResolveResponse(GeoPoint wgs84, NodeView grid, List<NodeView> ancestry, List<UnitResponse> commandCentres) {}

    @GetMapping("/api/org/resolve")
    @Operation(
            summary = "The grid at a location and its ancestry from the city down",
            description = "crs is WGS84 (GPS), GCJ02 (WeChat, AMap, Tencent) or BD09 (Baidu); converted to WGS-84"
                    + " before the lookup. 404 when no grid covers the location.")
    ResolveResponse resolve(
            @RequestParam double lat,
            @RequestParam double lng,
            @RequestParam(defaultValue = "WGS84") String crs,
            Authentication caller) {
        var violations = new java.util.ArrayList<Violation>();
        if (!(lat >= -90 && lat <= 90)) {
            violations.add(new Violation("lat", Phrase.of("refusal.between", "min", -90, "max", 90)));
        }
        if (!(lng >= -180 && lng <= 180)) {
            violations.add(new Violation("lng", Phrase.of("refusal.between", "min", -180, "max", 180)));
        }
        CoordinateSystem system = null;
        try {
            system = CoordinateSystem.parse(crs.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(
                    "crs", Phrase.of("refusal.oneOf", "choices", Phrase.names("crs", CoordinateSystem.class))));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        var resolution = resolving
                .resolve(lat, lng, system)
                .orElseThrow(() -> new NotFoundException("grid", "at " + lat + "," + lng + " (" + crs + ")"));
        return new ResolveResponse(
                resolution.wgs84(),
                resolution.grid(),
                resolution.ancestry(),
                contacts.many(
                        resolution.commandCentres(), caller, resolution.grid().code()));
    }
}
