package org.whistle.orgregistry.routing.web;

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
import org.whistle.orgreference.domain.routing.RoutingRule;
import org.whistle.orgreference.domain.routing.RuleId;
import org.whistle.orgregistry.bounds.Enums;
import org.whistle.orgregistry.importing.ImportSummary;
import org.whistle.orgregistry.routing.ImportingRoutingRules;
import org.whistle.orgregistry.routing.ManagingRoutingRules;
import org.whistle.orgregistry.routing.ProposingRoutes;
import org.whistle.orgregistry.routing.RoutingRules;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;

/** {@code /api/org/routing-rules} and {@code /api/org/routing/proposal}. */
@RestController
class RoutingRuleController {

    private final RoutingRules rules;
    private final ManagingRoutingRules managing;
    private final ProposingRoutes proposing;
    private final ImportingRoutingRules importing;

    RoutingRuleController(
            RoutingRules rules,
            ManagingRoutingRules managing,
            ProposingRoutes proposing,
            ImportingRoutingRules importing) {
        this.rules = rules;
        this.managing = managing;
        this.proposing = proposing;
        this.importing = importing;
    }

    @GetMapping("/api/org/routing-rules")
    List<RoutingRuleView> list(
            @RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(defaultValue = "false") boolean includeRetired) {
        return rules.list(area, category, includeRetired).stream()
                .map(RoutingRuleView::of)
                .toList();
    }

    @GetMapping("/api/org/routing-rules/{id}")
    RoutingRuleView one(@PathVariable @Parameter(schema = @Schema(type = "string")) RuleId id) {
        return RoutingRuleView.of(find(id));
    }

    /**
     * The units to summon for a whistle of {@code category} at {@code node} (usually its grid), decided at
     * {@code level}; without a level only any-level rules apply.
     */
    @GetMapping("/api/org/routing/proposal")
    ProposalView proposal(
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String node,
            @RequestParam(required = false) @Nullable String level) {
        var violations = new ArrayList<Violation>();
        if (category == null || category.isBlank()) {
            violations.add(new Violation("category", Phrase.of("refusal.required")));
        }
        if (node == null || node.isBlank()) {
            violations.add(new Violation("node", Phrase.of("refusal.required")));
        }
        var commandLevel = Enums.optional("level", level, CommandLevel.class, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return proposing
                .propose(category.trim(), node.trim(), commandLevel)
                .map(ProposalView::of)
                .orElseGet(ProposalView::none);
    }

    @PostMapping("/api/org/routing-rules")
    ResponseEntity<RoutingRuleView> create(@RequestBody RoutingRuleRequest request) {
        var created = managing.create(request.toRule(null));
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/org/routing-rules/" + created.id().value())
                .body(RoutingRuleView.of(created));
    }

    @PutMapping("/api/org/routing-rules/{id}")
    RoutingRuleView change(
            @PathVariable @Parameter(schema = @Schema(type = "string")) RuleId id,
            @RequestBody RoutingRuleRequest request) {
        find(id);
        return RoutingRuleView.of(managing.change(request.toRule(id.value())));
    }

    @DeleteMapping("/api/org/routing-rules/{id}")
    RoutingRuleView retire(@PathVariable @Parameter(schema = @Schema(type = "string")) RuleId id) {
        return RoutingRuleView.of(managing.retire(find(id).id()));
    }

    @PostMapping(path = "/api/org/imports/routing-rules", consumes = "text/csv")
    ImportSummary importCsv(@RequestBody byte[] csv) {
        return importing.importCsv("routing-rules.csv", new ByteArrayInputStream(csv));
    }

    /**
     * The rule a path names. The path variable is a {@link RuleId} so that Spring builds it: a blank id is then a
     * malformed request (400 naming the parameter, ADR 0055), not an exception of the domain's constructor (500).
     */
    private RoutingRule find(RuleId id) {
        return rules.find(id).orElseThrow(() -> new NotFoundException("routing rule", id.value()));
    }
}
