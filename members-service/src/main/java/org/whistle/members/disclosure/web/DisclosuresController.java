package org.whistle.members.disclosure.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.members.Input;
import org.whistle.members.access.MembersAccess;
import org.whistle.members.disclosure.Disclosing;
import org.whistle.members.disclosure.SelectingExcellentMembers;
import org.whistle.members.place.Places;
import org.whistle.members.points.Standings;
import org.whistle.security.Caller;
import org.whistle.security.personaldata.PersonalData;
import org.whistle.texts.Phrase;

/** 公示 over HTTP: names masked for everyone but the compound's branch, as any public notice in the compound. */
@RestController
@RequestMapping("/api/members")
class DisclosuresController {

    private final Disclosing disclosing;
    private final SelectingExcellentMembers excellence;
    private final MembersAccess access;
    private final Places places;

    DisclosuresController(
            Disclosing disclosing, SelectingExcellentMembers excellence, MembersAccess access, Places places) {
        this.disclosing = disclosing;
        this.excellence = excellence;
        this.access = access;
        this.places = places;
    }

    record ConfirmRequest(@Nullable UUID memberId, @Nullable Integer year) {}

    /** 优秀市民党员 candidates of a year: party members at or above the city's threshold without deductions. */
    @GetMapping("/excellent-members/candidates")
    List<SelectingExcellentMembers.Candidate> candidates(
            Caller caller, @RequestParam String compoundId, @RequestParam Integer year) {
        return excellence.candidates(
                caller, Input.required("compoundId", compoundId, Input.CODE), Input.range("year", year, 2000, 2100));
    }

    @PostMapping("/excellent-members")
    @ResponseStatus(HttpStatus.CREATED)
    SelectingExcellentMembers.Candidate confirm(Caller caller, @RequestBody ConfirmRequest request) {
        if (request.memberId() == null) {
            throw org.whistle.problems.InvalidInputException.of("memberId", Phrase.of("refusal.required"));
        }
        return excellence.confirm(caller, request.memberId(), Input.range("year", request.year(), 2000, 2100));
    }

    record PublishRequest(
            @Nullable String compoundId,
            @Nullable Integer year,
            @Nullable Integer quarter,
            @Nullable Integer objectionDays) {}

    record TextRequest(@Nullable String reason, @Nullable String answer) {}

    record Line(int rank, String name, String kind, int score, int tasksDone, java.math.BigDecimal hours) {}

    record DisclosureView(
            UUID id,
            String compoundName,
            int year,
            int quarter,
            Instant publishedAt,
            Instant objectionsUntil,
            List<Line> party,
            List<Line> volunteers) {}

    @PostMapping("/disclosures")
    @ResponseStatus(HttpStatus.CREATED)
    DisclosureView publish(Caller caller, @RequestBody PublishRequest request) {
        var compound = Input.required("compoundId", request.compoundId(), Input.CODE);
        return view(
                caller,
                disclosing.publish(
                        caller,
                        compound,
                        Input.range("year", request.year(), 2000, 2100),
                        Input.range("quarter", request.quarter(), 1, 4),
                        Input.range("objectionDays", request.objectionDays(), 1, 30)));
    }

    @GetMapping("/disclosures")
    List<DisclosureView> ofCompound(Caller caller, @RequestParam String compoundId) {
        return disclosing.ofCompound(Input.required("compoundId", compoundId, Input.CODE)).stream()
                .map(d -> view(caller, d))
                .toList();
    }

    @PostMapping("/disclosures/{id}/objections")
    @ResponseStatus(HttpStatus.CREATED)
    Disclosing.Objection object(Caller caller, @PathVariable UUID id, @RequestBody TextRequest request) {
        return disclosing.object(caller, id, Input.required("reason", request.reason(), Input.TEXT));
    }

    @GetMapping("/disclosures/{id}/objections")
    List<Disclosing.Objection> objections(Caller caller, @PathVariable UUID id) {
        return disclosing.objections(caller, id);
    }

    @PostMapping("/objections/{id}/answer")
    Disclosing.Objection answer(Caller caller, @PathVariable UUID id, @RequestBody TextRequest request) {
        return disclosing.answer(caller, id, Input.required("answer", request.answer(), Input.TEXT));
    }

    private DisclosureView view(Caller caller, Disclosing.Disclosure d) {
        var branch = access.manages(caller, d.compoundId());
        return new DisclosureView(
                d.id(),
                places.name(d.compoundId()),
                d.year(),
                d.quarter(),
                d.publishedAt(),
                d.objectionsUntil(),
                d.party().stream().map(r -> line(r, branch)).toList(),
                d.volunteers().stream().map(r -> line(r, branch)).toList());
    }

    private static Line line(Standings.Ranked r, boolean branch) {
        return new Line(
                r.rank(),
                branch ? r.name() : PersonalData.name(r.name()),
                r.kind(),
                r.score(),
                r.tasksDone(),
                r.hours());
    }
}
