package org.whistle.members.points.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.members.Input;
import org.whistle.members.access.MembersAccess;
import org.whistle.members.place.Places;
import org.whistle.members.points.GrantingPoints;
import org.whistle.members.points.RuleSets;
import org.whistle.members.points.Standings;
import org.whistle.members.points.domain.LedgerEntry;
import org.whistle.members.points.domain.RuleSet;
import org.whistle.members.reporting.Memberships;
import org.whistle.members.reporting.ReportingIn;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;
import org.whistle.security.personaldata.PersonalData;
import org.whistle.texts.Phrase;

/**
 * Points over HTTP: the member's own standing and history, the branch's entries and corrections, rankings (names
 * masked for members, shown to the branch), rule sets (administrators edit), and a workplace contact's figures.
 */
@RestController
@RequestMapping("/api/members")
class PointsController {

    private final GrantingPoints granting;
    private final Standings standings;
    private final RuleSets ruleSets;
    private final Memberships memberships;
    private final ReportingIn reporting;
    private final MembersAccess access;
    private final Places places;
    private final Clock clock;

    PointsController(
            GrantingPoints granting,
            Standings standings,
            RuleSets ruleSets,
            Memberships memberships,
            ReportingIn reporting,
            MembersAccess access,
            Places places,
            Clock clock) {
        this.granting = granting;
        this.standings = standings;
        this.ruleSets = ruleSets;
        this.memberships = memberships;
        this.reporting = reporting;
        this.access = access;
        this.places = places;
        this.clock = clock;
    }

    record EntryView(
            UUID id,
            int amount,
            String reason,
            String rule,
            @Nullable UUID taskId,
            String approverName,
            Instant at,
            int year,
            @Nullable UUID corrects) {

        static EntryView of(LedgerEntry e) {
            return new EntryView(
                    e.id(),
                    e.amount(),
                    PersonalData.phonesIn(e.reason()),
                    e.ruleCode(),
                    e.taskId(),
                    e.approverName(),
                    e.at(),
                    e.year(),
                    e.corrects());
        }
    }

    record StandingView(
            UUID memberId,
            String name,
            int year,
            int score,
            int spendable,
            int earned,
            int deductions,
            int basePoints,
            String rules,
            List<EntryView> entries) {}

    @GetMapping("/points/me")
    StandingView mine(Caller caller, @RequestParam(required = false) @Nullable Integer year) {
        var member = reporting.mine(caller);
        return standing(member.id().value(), member.profile().name(), member.compoundId(), year);
    }

    @GetMapping("/points/members/{memberId}")
    StandingView member(
            Caller caller, @PathVariable UUID memberId, @RequestParam(required = false) @Nullable Integer year) {
        var member =
                memberships.byId(memberId).orElseThrow(() -> new NotFoundException("membership", memberId.toString()));
        access.requireManager(caller, member.compoundId());
        return standing(memberId, member.profile().name(), member.compoundId(), year);
    }

    private StandingView standing(UUID memberId, String name, String compoundId, @Nullable Integer year) {
        var y = year(year);
        var standing = standings.of(memberId, compoundId, y);
        var rules = standings.rulesFor(compoundId);
        return new StandingView(
                memberId,
                name,
                y,
                standing.score(),
                standing.spendable(),
                standing.earned(),
                standing.deductions(),
                rules.basePoints(),
                rules.name(),
                standings.entries(memberId, y).stream()
                        .map(EntryView::of)
                        .toList()
                        .reversed());
    }

    record GrantRequest(
            @Nullable UUID memberId,
            @Nullable String ruleCode,
            @Nullable String reason,
            @Nullable String eventRef) {}

    @PostMapping("/points/entries")
    @ResponseStatus(HttpStatus.CREATED)
    EntryView grant(Caller caller, @RequestBody GrantRequest request) {
        if (request.memberId() == null) {
            throw InvalidInputException.of("memberId", Phrase.of("refusal.required"));
        }
        return EntryView.of(granting.grant(
                caller,
                request.memberId(),
                Input.required("ruleCode", request.ruleCode(), Input.CODE),
                Input.required("reason", request.reason(), Input.LINE),
                Input.optional("eventRef", request.eventRef(), Input.CODE)));
    }

    record CorrectionRequest(
            @Nullable Integer amount, @Nullable String reason) {}

    @PostMapping("/points/entries/{id}/correct")
    @ResponseStatus(HttpStatus.CREATED)
    EntryView correct(Caller caller, @PathVariable UUID id, @RequestBody CorrectionRequest request) {
        return EntryView.of(granting.correct(
                caller,
                id,
                Input.range("amount", request.amount(), -1000, 1000),
                Input.required("reason", request.reason(), Input.LINE)));
    }

    record RankedView(int rank, UUID memberId, String name, String kind, int score, int tasksDone, BigDecimal hours) {}

    @GetMapping("/points/rankings")
    List<RankedView> ranking(
            Caller caller,
            @RequestParam String compoundId,
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable String group) {
        Input.required("compoundId", compoundId, Input.CODE);
        var which = group == null ? Standings.Group.PARTY : Input.choice("group", group, Standings.Group.class);
        var branch = access.manages(caller, compoundId);
        return standings.ranking(compoundId, year(year), which).stream()
                .map(r -> new RankedView(
                        r.rank(),
                        r.memberId(),
                        branch ? r.name() : PersonalData.name(r.name()),
                        r.kind(),
                        r.score(),
                        r.tasksDone(),
                        r.hours()))
                .toList();
    }

    record ItemView(
            String code, String name, int points, @Nullable Integer yearlyCap) {}

    record RulesView(
            String cityId,
            String cityName,
            String name,
            int basePoints,
            int floorPoints,
            boolean annualReset,
            int noShowPoints,
            @Nullable Integer excellentThreshold,
            List<ItemView> items) {}

    @GetMapping("/points/rules/{cityId}")
    RulesView rules(Caller caller, @PathVariable String cityId) {
        var rules = ruleSets.forCity(Input.required("cityId", cityId, Input.CODE));
        return view(cityId, rules);
    }

    @PutMapping("/points/rules/{cityId}")
    RulesView replaceRules(Caller caller, @PathVariable String cityId, @RequestBody RulesView request) {
        access.requireAdministrator(caller);
        Input.required("cityId", cityId, Input.CODE);
        if (request.items() == null || request.items().size() > 50) {
            throw InvalidInputException.of("items", Phrase.of("members.refusal.ruleItems"));
        }
        var rules = new RuleSet(
                cityId,
                Input.required("name", request.name(), Input.LINE),
                request.basePoints(),
                request.floorPoints(),
                request.annualReset(),
                request.noShowPoints(),
                // a request that leaves the 优秀市民党员 threshold out keeps the one in force, never a default
                request.excellentThreshold() != null
                        ? request.excellentThreshold()
                        : ruleSets.forCity(cityId).excellentThreshold(),
                request.items().stream()
                        .map(i -> new RuleSet.Item(
                                Input.required("items.code", i.code(), Input.CODE),
                                Input.required("items.name", i.name(), Input.NAME),
                                Input.range("items.points", i.points(), -100, 100),
                                i.yearlyCap()))
                        .toList());
        ruleSets.replace(rules, caller.subject(), caller.name() == null ? "管理员" : caller.name(), clock.instant());
        return view(cityId, ruleSets.forCity(cityId));
    }

    /** Who changed a city's points rules, when, and from what (administrators; newest first, at most 100). */
    @GetMapping("/points/rules/{cityId}/changes")
    List<RuleSets.RuleChange> ruleChanges(Caller caller, @PathVariable String cityId) {
        access.requireAdministrator(caller);
        return ruleSets.changes(Input.required("cityId", cityId, Input.CODE));
    }

    private RulesView view(String cityId, RuleSet rules) {
        return new RulesView(
                cityId,
                "*".equals(cityId) ? "默认" : places.name(cityId),
                rules.name(),
                rules.basePoints(),
                rules.floorPoints(),
                rules.annualReset(),
                rules.noShowPoints(),
                rules.excellentThreshold(),
                rules.items().stream()
                        .map(i -> new ItemView(i.code(), i.name(), i.points(), i.yearlyCap()))
                        .toList());
    }

    record FigureView(
            String name,
            String kind,
            String stateLabel,
            String compoundName,
            int score,
            int tasksDone,
            BigDecimal hours) {}

    /** A workplace's members and their figures, for its contact: no address, no phone. */
    @GetMapping("/workplaces/{id}/figures")
    List<FigureView> workplaceFigures(
            Caller caller, @PathVariable String id, @RequestParam(required = false) @Nullable Integer year) {
        var y = year(year);
        return reporting.workplaceMembers(caller, Input.required("id", id, Input.CODE)).stream()
                .map(m -> {
                    var standing = standings.of(m.id().value(), m.compoundId(), y);
                    var done = standings.ranking(m.compoundId(), y, Standings.Group.PARTY).stream()
                            .filter(r -> r.memberId().equals(m.id().value()))
                            .findFirst();
                    return new FigureView(
                            m.profile().name(),
                            m.profile().kind().label(),
                            m.state().label(),
                            places.name(m.compoundId()),
                            standing.score(),
                            done.map(Standings.Ranked::tasksDone).orElse(0),
                            done.map(Standings.Ranked::hours).orElse(BigDecimal.ZERO.setScale(1)));
                })
                .toList();
    }

    private int year(@Nullable Integer year) {
        if (year == null) {
            return GrantingPoints.yearOf(clock.instant());
        }
        return Input.range("year", year, 2000, 2100);
    }
}
