package org.whistle.members.whistles.web;

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
import org.whistle.members.place.Places;
import org.whistle.members.tasks.domain.TaskWindow;
import org.whistle.members.whistles.TurningWhistlesIntoTasks;
import org.whistle.problems.InvalidInputException;
import org.whistle.security.Caller;
import org.whistle.security.personaldata.PersonalData;
import org.whistle.texts.Phrase;

/** Small whistles of a compound that the community may take on, and turning one into a task. */
@RestController
@RequestMapping("/api/members/whistles")
class WhistlesController {

    private final TurningWhistlesIntoTasks turning;
    private final Places places;

    WhistlesController(TurningWhistlesIntoTasks turning, Places places) {
        this.turning = turning;
        this.places = places;
    }

    record WhistleView(
            UUID whistleId,
            @Nullable String ticketNumber,
            String categoryCode,
            String description,
            @Nullable String address,
            @Nullable String gridName,
            Instant raisedAt) {}

    record TurnRequest(
            @Nullable String title,
            @Nullable String place,
            @Nullable Instant startsAt,
            @Nullable Instant endsAt,
            @Nullable Integer places,
            @Nullable List<String> skills,
            @Nullable Integer points,
            @Nullable Boolean checkInRequired) {}

    record TaskRef(UUID taskId, UUID whistleId, String title, String gridName) {}

    @GetMapping
    List<WhistleView> open(Caller caller, @RequestParam String compoundId) {
        return turning.open(caller, Input.required("compoundId", compoundId, Input.CODE)).stream()
                .map(w -> new WhistleView(
                        w.whistleId(),
                        w.ticketNumber(),
                        w.categoryCode(),
                        PersonalData.phonesIn(w.description()),
                        PersonalData.phonesIn(w.address()),
                        w.gridId() == null ? null : places.name(w.gridId()),
                        w.raisedAt()))
                .toList();
    }

    @PostMapping("/{whistleId}/task")
    @ResponseStatus(HttpStatus.CREATED)
    TaskRef turn(Caller caller, @PathVariable UUID whistleId, @RequestBody TurnRequest request) {
        if (request.startsAt() == null) {
            throw InvalidInputException.of("startsAt", Phrase.of("refusal.required"));
        }
        if (request.endsAt() == null) {
            throw InvalidInputException.of("endsAt", Phrase.of("refusal.required"));
        }
        var task = turning.turn(
                caller,
                whistleId,
                new TurningWhistlesIntoTasks.Details(
                        Input.required("title", request.title(), Input.NAME),
                        Input.required("place", request.place(), Input.LINE),
                        new TaskWindow(request.startsAt(), request.endsAt()),
                        Input.range("places", request.places(), 1, 200),
                        Input.list("skills", request.skills(), Input.NAME),
                        Input.range("points", request.points(), 0, 100),
                        request.checkInRequired() == null || request.checkInRequired()));
        return new TaskRef(task.id().value(), whistleId, task.spec().title(), places.name(task.gridId()));
    }
}
