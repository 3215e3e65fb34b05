package org.whistle.orgregistry.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.orgregistry.organisation.MaintainingOrganisation;
import org.whistle.orgregistry.organisation.OrganisationTree;
import org.whistle.orgregistry.organisation.OrganisationTree.NodeView;
import org.whistle.orgregistry.organisation.OrganisationTree.TreeView;
import org.whistle.orgregistry.organisation.domain.NodeKind;
import org.whistle.orgregistry.organisation.domain.OrgNode;
import org.whistle.orgregistry.organisation.domain.PartyOrg;
import org.whistle.orgregistry.organisation.domain.PartyOrgKind;
import org.whistle.orgregistry.organisation.domain.UnitKind;
import org.whistle.problems.InvalidInputException;
import org.whistle.texts.Phrase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/org")
// No class-level @Validated: Spring MVC then checks the parameters' constraints (levels) itself and answers a 400
// problem naming the parameter; with it, a proxy threw ConstraintViolationException, which became a 500.
@Tag(name = "organisation", description = "The administrative tree, its grids and party organisations")
class NodesController {

    private final OrganisationTree tree;
    private final MaintainingOrganisation maintaining;
    private final JsonMapper json;
    private final DutyContacts contacts;

    NodesController(
            OrganisationTree tree, MaintainingOrganisation maintaining, JsonMapper json, DutyContacts contacts) {
        this.tree = tree;
        this.maintaining = maintaining;
        this.json = json;
        this.contacts = contacts;
    }

    /** A node as written by administrators; the code in a PUT's path wins over none in the body. */
    record NodeRequest(
            @Nullable String code,
            @NotNull NodeKind kind,
            @NotBlank String name,
            @Nullable String nameEn,
            @Nullable String parentCode,
            @NotNull LocalDate validFrom,
            @Nullable LocalDate validTo) {

        OrgNode toNode(String code) {
            return new OrgNode(code, kind, name.trim(), nameEn, parentCode, validFrom, validTo);
        }
    }

    record PartyOrgRequest(
            @NotBlank String code,
            @NotNull PartyOrgKind kind,
            @NotBlank String name,
            @NotBlank String nodeCode,
            @Nullable String parentCode) {

        PartyOrg toPartyOrg() {
            return new PartyOrg(code, kind, name.trim(), nodeCode, parentCode);
        }
    }

    @GetMapping("/nodes")
    @Operation(summary = "The roots of the tree (the city)")
    List<NodeView> roots() {
        return tree.roots();
    }

    @GetMapping("/nodes/{code}")
    NodeView node(@PathVariable String code) {
        return tree.node(code);
    }

    @GetMapping("/nodes/{code}/children")
    List<NodeView> children(@PathVariable String code) {
        return tree.children(code);
    }

    @GetMapping("/nodes/{code}/ancestry")
    @Operation(summary = "The nodes from the city down to this one, inclusive")
    List<NodeView> ancestry(@PathVariable String code) {
        return tree.ancestry(code);
    }

    @GetMapping("/nodes/{code}/subtree")
    @Operation(summary = "The node and its descendants, `levels` deep")
    TreeView subtree(@PathVariable String code, @RequestParam(defaultValue = "2") @Min(0) @Max(8) int levels) {
        return tree.subtree(code, levels);
    }

    @GetMapping("/nodes/{code}/units")
    @Operation(summary = "Handling units answering for the node; with inherited=true also those of its ancestors")
    List<UnitResponse> units(
            @PathVariable String code,
            @RequestParam(defaultValue = "false") boolean inherited,
            @RequestParam(required = false) @Nullable UnitKind kind,
            Authentication caller) {
        return contacts.many(tree.unitsFor(code, inherited, kind), caller, code);
    }

    @GetMapping("/nodes/{code}/party-orgs")
    @Operation(summary = "Party organisations on the node and below it")
    List<PartyOrg> partyOrgs(@PathVariable String code) {
        return tree.partyOrgsWithin(code);
    }

    @GetMapping(
            value = "/nodes/{code}/grids",
            produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "The grids within the node as a GeoJSON FeatureCollection (for maps)")
    Map<String, Object> grids(@PathVariable String code) {
        var features = tree.gridsWithin(code).entrySet().stream()
                .map(grid -> {
                    var properties = new LinkedHashMap<String, Object>();
                    properties.put("code", grid.getKey().code());
                    properties.put("name", grid.getKey().name());
                    properties.put("parentCode", grid.getKey().parentCode());
                    properties.put("active", grid.getKey().active());
                    return Map.of(
                            "type", "Feature", "properties", properties, "geometry", json.readTree(grid.getValue()));
                })
                .toList();
        return Map.of("type", "FeatureCollection", "features", features);
    }

    @PostMapping("/nodes")
    ResponseEntity<NodeView> create(@Valid @RequestBody NodeRequest request) {
        if (request.code() == null || request.code().isBlank()) {
            throw InvalidInputException.of("code", Phrase.of("refusal.required"));
        }
        maintaining.createNode(request.toNode(request.code().trim()));
        return ResponseEntity.created(
                        URI.create("/api/org/nodes/" + request.code().trim()))
                .body(tree.node(request.code().trim()));
    }

    @PutMapping("/nodes/{code}")
    NodeView update(@PathVariable String code, @Valid @RequestBody NodeRequest request) {
        if (request.code() != null && !request.code().equals(code)) {
            throw InvalidInputException.of("code", Phrase.of("orgregistry.refusal.codeDiffersFromPath"));
        }
        maintaining.updateNode(request.toNode(code));
        return tree.node(code);
    }

    @DeleteMapping("/nodes/{code}")
    @Operation(summary = "Retire the node after `lastDay` (default today); history keeps pointing at it")
    NodeView retire(
            @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate lastDay) {
        maintaining.retireNode(code, lastDay);
        return tree.node(code);
    }

    @PutMapping(
            value = "/grids/{code}/boundary",
            consumes = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Set a grid's boundary: a GeoJSON Polygon or MultiPolygon in WGS-84")
    ResponseEntity<Void> putBoundary(@PathVariable String code, @RequestBody JsonNode geometry) {
        maintaining.putBoundary(code, geometry.toString());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/party-orgs")
    PartyOrg savePartyOrg(@Valid @RequestBody PartyOrgRequest request) {
        return maintaining.savePartyOrg(request.toPartyOrg());
    }
}
