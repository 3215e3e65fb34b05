package org.whistle.orgregistry.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.orgregistry.importing.ImportSummary;
import org.whistle.orgregistry.organisation.ImportingOrganisation;

@RestController
@RequestMapping("/api/org/imports")
@Tag(name = "imports", description = "Bulk import, all or nothing, with every bad row reported")
class ImportsController {

    private static final String CSV = "text/csv";

    private final ImportingOrganisation importing;

    ImportsController(ImportingOrganisation importing) {
        this.importing = importing;
    }

    @PostMapping(value = "/nodes", consumes = CSV)
    @Operation(summary = "Import nodes.csv (see docs/org-data-formats.md)")
    ImportSummary nodes(@RequestBody byte[] csv) {
        return importing.importNodes("nodes.csv", new ByteArrayInputStream(csv));
    }

    @PostMapping(value = "/units", consumes = CSV)
    @Operation(summary = "Import units.csv")
    ImportSummary units(@RequestBody byte[] csv) {
        return importing.importUnits("units.csv", new ByteArrayInputStream(csv));
    }

    @PostMapping(value = "/party-orgs", consumes = CSV)
    @Operation(summary = "Import party-orgs.csv")
    ImportSummary partyOrgs(@RequestBody byte[] csv) {
        return importing.importPartyOrgs("party-orgs.csv", new ByteArrayInputStream(csv));
    }

    @PostMapping(
            value = "/grids",
            consumes = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Import grid boundaries: a GeoJSON FeatureCollection with properties.code per feature")
    ImportSummary grids(@RequestBody byte[] geoJson) {
        return importing.importGrids("grids.geojson", new ByteArrayInputStream(geoJson));
    }
}
