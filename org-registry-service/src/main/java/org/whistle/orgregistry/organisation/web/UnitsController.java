package org.whistle.orgregistry.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.whistle.orgregistry.organisation.domain.HandlingUnit;
import org.whistle.orgregistry.organisation.domain.UnitKind;
import org.whistle.problems.InvalidInputException;
import org.whistle.texts.Phrase;

@RestController
@RequestMapping("/api/org/units")
@Tag(name = "units", description = "Handling units: departments, sections, street offices, property companies …")
class UnitsController {

    private final OrganisationTree tree;
    private final MaintainingOrganisation maintaining;
    private final DutyContacts contacts;

    UnitsController(OrganisationTree tree, MaintainingOrganisation maintaining, DutyContacts contacts) {
        this.tree = tree;
        this.maintaining = maintaining;
        this.contacts = contacts;
    }

    record UnitRequest(
            @Nullable String code,
            @NotNull UnitKind kind,
            @NotBlank String name,
            @Nullable String nameEn,
            @Nullable String parentUnitCode,
            @NotBlank String areaCode,
            @Nullable String dutyName,
            @Nullable String dutyPhone,
            @NotNull LocalDate validFrom,
            @Nullable LocalDate validTo) {

        HandlingUnit toUnit(String code) {
            return new HandlingUnit(
                    code, kind, name.trim(), nameEn, parentUnitCode, areaCode, dutyName, dutyPhone, validFrom, validTo);
        }
    }

    @GetMapping
    @Operation(summary = "Units answering for a node in the subtree of `within` (default: the whole city)")
    List<UnitResponse> list(
            @RequestParam(required = false) @Nullable String within,
            @RequestParam(required = false) @Nullable UnitKind kind,
            Authentication caller) {
        var roots = tree.roots();
        if (within == null && roots.isEmpty()) {
            // An organisation with no nodes yet (nothing imported): no units, rather than a 500.
            return List.of();
        }
        var root = within != null ? within : roots.getFirst().code();
        return contacts.many(tree.unitsWithin(root, kind), caller, root);
    }

    @GetMapping("/{code}")
    UnitResponse unit(@PathVariable String code, Authentication caller) {
        return contacts.one(tree.unit(code), caller, "read");
    }

    @PostMapping
    ResponseEntity<UnitResponse> create(@Valid @RequestBody UnitRequest request, Authentication caller) {
        if (request.code() == null || request.code().isBlank()) {
            throw InvalidInputException.of("code", Phrase.of("refusal.required"));
        }
        var code = request.code().trim();
        maintaining.createUnit(request.toUnit(code));
        return ResponseEntity.created(URI.create("/api/org/units/" + code))
                .body(contacts.one(tree.unit(code), caller, "create"));
    }

    @PutMapping("/{code}")
    UnitResponse update(@PathVariable String code, @Valid @RequestBody UnitRequest request, Authentication caller) {
        if (request.code() != null && !request.code().equals(code)) {
            throw InvalidInputException.of("code", Phrase.of("orgregistry.refusal.codeDiffersFromPath"));
        }
        maintaining.updateUnit(request.toUnit(code));
        return contacts.one(tree.unit(code), caller, "update");
    }

    @DeleteMapping("/{code}")
    @Operation(summary = "Retire the unit after `lastDay` (default today)")
    UnitResponse retire(
            @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate lastDay,
            Authentication caller) {
        maintaining.retireUnit(code, lastDay);
        return contacts.one(tree.unit(code), caller, "retire");
    }
}
