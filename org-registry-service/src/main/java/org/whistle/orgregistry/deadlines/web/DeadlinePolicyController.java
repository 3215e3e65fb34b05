package org.whistle.orgregistry.deadlines.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.events.CommandLevel;
import org.whistle.events.Urgency;
import org.whistle.orgreference.domain.deadlines.DeadlinePolicy;
import org.whistle.orgreference.domain.deadlines.PolicyId;
import org.whistle.orgregistry.bounds.Enums;
import org.whistle.orgregistry.deadlines.DeadlinePolicies;
import org.whistle.orgregistry.deadlines.ImportingDeadlinePolicies;
import org.whistle.orgregistry.deadlines.LookingUpDeadlines;
import org.whistle.orgregistry.deadlines.ManagingDeadlinePolicies;
import org.whistle.orgregistry.importing.ImportSummary;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.problems.Violation;

/** {@code /api/org/deadline-policies} and its lookup. */
@RestController
class DeadlinePolicyController {

    private final DeadlinePolicies policies;
    private final ManagingDeadlinePolicies managing;
    private final LookingUpDeadlines lookingUp;
    private final ImportingDeadlinePolicies importing;

    DeadlinePolicyController(
            DeadlinePolicies policies,
            ManagingDeadlinePolicies managing,
            LookingUpDeadlines lookingUp,
            ImportingDeadlinePolicies importing) {
        this.policies = policies;
        this.managing = managing;
        this.lookingUp = lookingUp;
        this.importing = importing;
    }

    @GetMapping("/api/org/deadline-policies")
    List<DeadlinePolicyView> list(@RequestParam(defaultValue = "false") boolean includeRetired) {
        return policies.all(includeRetired).stream().map(DeadlinePolicyView::of).toList();
    }

    @GetMapping("/api/org/deadline-policies/{id}")
    DeadlinePolicyView one(@PathVariable @Parameter(schema = @Schema(type = "string")) PolicyId id) {
        return DeadlinePolicyView.of(find(id));
    }

    /** The policy for a whistle, and which rung of specificity chose it; 404 when no active policy applies. */
    @GetMapping("/api/org/deadline-policies/lookup")
    LookupView lookup(
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String urgency,
            @RequestParam(required = false) @Nullable String level) {
        var violations = new ArrayList<Violation>();
        var parsedUrgency = Enums.required("urgency", urgency, Urgency.class, violations);
        var parsedLevel = Enums.optional("level", level, CommandLevel.class, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        var key = (category == null ? "any category" : category) + " / " + parsedUrgency + " / "
                + (parsedLevel == null ? "any level" : parsedLevel);
        return lookingUp
                .lookup(category == null || category.isBlank() ? null : category.trim(), parsedUrgency, parsedLevel)
                .map(match -> new LookupView(
                        DeadlinePolicyView.of(match.policy()),
                        match.specificity().name()))
                .orElseThrow(() -> new NotFoundException("deadline policy for", key));
    }

    @PostMapping("/api/org/deadline-policies")
    ResponseEntity<DeadlinePolicyView> create(@RequestBody DeadlinePolicyRequest request) {
        var created = managing.create(request.toPolicy(null));
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/org/deadline-policies/" + created.id().value())
                .body(DeadlinePolicyView.of(created));
    }

    @PutMapping("/api/org/deadline-policies/{id}")
    DeadlinePolicyView change(
            @PathVariable @Parameter(schema = @Schema(type = "string")) PolicyId id,
            @RequestBody DeadlinePolicyRequest request) {
        find(id);
        return DeadlinePolicyView.of(managing.change(request.toPolicy(id.value())));
    }

    @DeleteMapping("/api/org/deadline-policies/{id}")
    DeadlinePolicyView retire(@PathVariable @Parameter(schema = @Schema(type = "string")) PolicyId id) {
        return DeadlinePolicyView.of(managing.retire(find(id).id()));
    }

    @PostMapping(path = "/api/org/imports/deadline-policies", consumes = "text/csv")
    ImportSummary importCsv(@RequestBody byte[] csv) {
        return importing.importCsv("deadline-policies.csv", new ByteArrayInputStream(csv));
    }

    /**
     * The policy a path names. The path variable is a {@link PolicyId} so that Spring builds it: a blank id is then a
     * malformed request (400 naming the parameter, ADR 0055), not an exception of the domain's constructor (500).
     */
    private DeadlinePolicy find(PolicyId id) {
        return policies.find(id).orElseThrow(() -> new NotFoundException("deadline policy", id.value()));
    }

    /** A lookup's answer: the policy and the rung of specificity that chose it (e.g. {@code MAIN_CATEGORY_ANY_LEVEL}). */
    record LookupView(DeadlinePolicyView policy, String chosenBy) {}
}
