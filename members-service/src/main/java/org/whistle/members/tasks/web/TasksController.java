package org.whistle.members.tasks.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.whistle.events.GeoPoint;
import org.whistle.members.Input;
import org.whistle.members.place.Places;
import org.whistle.members.tasks.DoingTasks;
import org.whistle.members.tasks.domain.Claim;
import org.whistle.members.tasks.domain.Task;
import org.whistle.members.tasks.domain.TaskKind;
import org.whistle.members.tasks.domain.TaskStep;
import org.whistle.members.tasks.domain.TaskWindow;
import org.whistle.orgreference.domain.geography.ChinaCoordinates;
import org.whistle.orgreference.domain.geography.CoordinateSystem;
import org.whistle.problems.InvalidInputException;
import org.whistle.security.Caller;
import org.whistle.security.personaldata.PersonalData;
import org.whistle.texts.Phrase;

/**
 * Tasks over HTTP. The public list shows what anyone may know of a task (place, time, places left, points); the
 * publisher and the compound's branch also see every claim, members see their own.
 */
@RestController
@RequestMapping("/api/members/tasks")
class TasksController {

    private final DoingTasks doing;
    private final Places places;

    TasksController(DoingTasks doing, Places places) {
        this.doing = doing;
        this.places = places;
    }

    record PublishRequest(
            @Nullable String kind,
            @Nullable String title,
            @Nullable String description,
            @Nullable String gridId,
            @Nullable String place,
            @Nullable Instant startsAt,
            @Nullable Instant endsAt,
            @Nullable Integer places,
            @Nullable List<String> skills,
            @Nullable Integer points,
            @Nullable Boolean checkInRequired) {

        Task.Spec spec(Places known, TaskKind fixedKind) {
            var grid = Input.required("gridId", gridId, Input.CODE);
            var compound = known.compoundOf(grid)
                    .orElseThrow(() -> InvalidInputException.of("gridId", Phrase.of("members.refusal.gridNoCompound")));
            if (startsAt == null) {
                throw InvalidInputException.of("startsAt", Phrase.of("refusal.required"));
            }
            if (endsAt == null) {
                throw InvalidInputException.of("endsAt", Phrase.of("refusal.required"));
            }
            return new Task.Spec(
                    fixedKind,
                    Input.required("title", title, Input.NAME),
                    Input.required("description", description, Input.TEXT),
                    compound,
                    grid,
                    Input.required("place", place, Input.LINE),
                    new TaskWindow(startsAt, endsAt),
                    Input.range("places", places, 1, 200),
                    Input.list("skills", skills, Input.NAME),
                    Input.range("points", points, 0, 100),
                    checkInRequired == null || checkInRequired);
        }
    }

    record MemberRequest(@Nullable UUID memberId, @Nullable String reason) {

        UUID member() {
            if (memberId == null) {
                throw InvalidInputException.of("memberId", Phrase.of("refusal.required"));
            }
            return memberId;
        }
    }

    record CheckInRequest(
            @Nullable Double lat,
            @Nullable Double lng,
            @Nullable String coordinateSystem,
            @Nullable String photo) {

        GeoPoint position() {
            if (lat == null || lng == null) {
                throw InvalidInputException.of("lat", Phrase.of("members.refusal.checkInPlace"));
            }
            CoordinateSystem system;
            try {
                system = coordinateSystem == null ? CoordinateSystem.WGS84 : CoordinateSystem.parse(coordinateSystem);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("coordinateSystem", Phrase.of("members.refusal.crs"));
            }
            try {
                return ChinaCoordinates.toWgs84(lat, lng, system);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("lat", Phrase.of("members.refusal.badPlace"));
            }
        }
    }

    record FinishRequest(
            @Nullable String evidence,
            @Nullable String photo,
            @Nullable BigDecimal hours) {}

    record ClaimView(
            UUID memberId,
            String memberName,
            String state,
            String stateLabel,
            Instant claimedAt,
            @Nullable Instant checkedInAt,
            @Nullable UUID checkInPhoto,
            @Nullable Instant finishedAt,
            @Nullable String evidence,
            @Nullable UUID evidencePhoto,
            @Nullable BigDecimal hours,
            @Nullable Instant approvedAt) {}

    record StepView(
            int seq,
            Instant at,
            String action,
            String actorName,
            @Nullable String note) {}

    record TaskView(
            UUID id,
            String kind,
            String kindLabel,
            String title,
            String description,
            String compoundId,
            String compoundName,
            String gridId,
            String gridName,
            String place,
            Instant startsAt,
            Instant endsAt,
            String window,
            int places,
            int placesLeft,
            List<String> skills,
            int points,
            boolean checkInRequired,
            String publisherName,
            @Nullable UUID whistleId,
            String state,
            String stateLabel,
            @Nullable ClaimView myClaim,
            @Nullable List<ClaimView> claims,
            @Nullable List<StepView> timeline) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TaskView publish(Caller caller, @RequestBody PublishRequest request) {
        var kind = Input.choice("kind", request.kind(), TaskKind.class);
        if (kind == TaskKind.WHISTLE) {
            throw InvalidInputException.of("kind", Phrase.of("members.refusal.taskFromWhistle"));
        }
        return view(caller, doing.publish(caller, request.spec(places, kind), null), true);
    }

    @GetMapping
    List<TaskView> open(Caller caller, @RequestParam(required = false) @Nullable String compoundId) {
        var compound = Input.optional("compoundId", compoundId, Input.CODE);
        return doing.open(caller, compound).stream()
                .map(t -> view(caller, t, false))
                .toList();
    }

    @GetMapping("/managed")
    List<TaskView> managed(Caller caller, @RequestParam String compoundId) {
        Input.required("compoundId", compoundId, Input.CODE);
        return doing.ofCompound(caller, compoundId).stream()
                .map(t -> view(caller, t, false))
                .toList();
    }

    @GetMapping("/mine")
    List<TaskView> mine(Caller caller) {
        return doing.mine(caller).stream().map(t -> view(caller, t, false)).toList();
    }

    @GetMapping("/{id}")
    TaskView task(Caller caller, @PathVariable UUID id) {
        return view(caller, doing.task(id), true);
    }

    @PostMapping("/{id}/claim")
    TaskView claim(Caller caller, @PathVariable UUID id) {
        return view(caller, doing.claim(caller, id), true);
    }

    @PostMapping("/{id}/withdraw")
    TaskView withdraw(Caller caller, @PathVariable UUID id) {
        return view(caller, doing.withdraw(caller, id), true);
    }

    @PostMapping("/{id}/confirm")
    TaskView confirm(Caller caller, @PathVariable UUID id, @RequestBody MemberRequest request) {
        return view(caller, doing.confirm(caller, id, request.member()), true);
    }

    @PostMapping("/{id}/decline")
    TaskView decline(Caller caller, @PathVariable UUID id, @RequestBody MemberRequest request) {
        return view(
                caller,
                doing.decline(caller, id, request.member(), Input.required("reason", request.reason(), Input.TEXT)),
                true);
    }

    /** The phone page's form: position fields and the photo as a file (the gateway lets files through here). */
    @PostMapping(path = "/{id}/check-in", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    TaskView checkInWithFile(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Double lat,
            @RequestParam(required = false) @Nullable Double lng,
            @RequestParam(required = false) @Nullable String coordinateSystem,
            @RequestPart(required = false) @Nullable MultipartFile photo)
            throws java.io.IOException {
        var position = new CheckInRequest(lat, lng, coordinateSystem, null).position();
        return view(caller, doing.checkIn(caller, id, position, photo == null ? null : photo.getBytes()), true);
    }

    @PostMapping(path = "/{id}/finish", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    TaskView finishWithFile(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String evidence,
            @RequestParam(required = false) @Nullable BigDecimal hours,
            @RequestPart(required = false) @Nullable MultipartFile photo)
            throws java.io.IOException {
        if (hours == null) {
            throw InvalidInputException.of("hours", Phrase.of("members.refusal.serviceHoursRequired"));
        }
        return view(
                caller,
                doing.finish(
                        caller,
                        id,
                        Input.required("evidence", evidence, Input.TEXT),
                        photo == null ? null : photo.getBytes(),
                        hours),
                true);
    }

    @PostMapping(path = "/{id}/check-in", consumes = MediaType.APPLICATION_JSON_VALUE)
    TaskView checkIn(Caller caller, @PathVariable UUID id, @RequestBody CheckInRequest request) {
        return view(caller, doing.checkIn(caller, id, request.position(), request.photo()), true);
    }

    @PostMapping(path = "/{id}/finish", consumes = MediaType.APPLICATION_JSON_VALUE)
    TaskView finish(Caller caller, @PathVariable UUID id, @RequestBody FinishRequest request) {
        if (request.hours() == null) {
            throw InvalidInputException.of("hours", Phrase.of("members.refusal.serviceHoursRequired"));
        }
        return view(
                caller,
                doing.finish(
                        caller,
                        id,
                        Input.required("evidence", request.evidence(), Input.TEXT),
                        request.photo(),
                        request.hours()),
                true);
    }

    @PostMapping("/{id}/approve")
    TaskView approve(Caller caller, @PathVariable UUID id, @RequestBody MemberRequest request) {
        return view(caller, doing.approve(caller, id, request.member()), true);
    }

    @PostMapping("/{id}/no-show")
    TaskView noShow(Caller caller, @PathVariable UUID id, @RequestBody MemberRequest request) {
        return view(caller, doing.noShow(caller, id, request.member()), true);
    }

    @PostMapping("/{id}/cancel")
    TaskView cancel(Caller caller, @PathVariable UUID id, @RequestBody MemberRequest request) {
        return view(caller, doing.cancel(caller, id, Input.required("reason", request.reason(), Input.TEXT)), true);
    }

    @GetMapping("/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(Caller caller, @PathVariable UUID id, @PathVariable UUID photoId) {
        var photo = doing.photo(caller, id, photoId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .header("Cache-Control", "private, max-age=300")
                .header("X-Content-Type-Options", "nosniff")
                .body(photo.bytes());
    }

    private TaskView view(Caller caller, Task task, boolean detailed) {
        var handles = doing.handles(caller, task);
        var me = doing.memberId(caller);
        var spec = task.spec();
        var mine = me.flatMap(task::claim).map(c -> claim(c, false)).orElse(null);
        return new TaskView(
                task.id().value(),
                spec.kind().name(),
                spec.kind().label(),
                spec.title(),
                PersonalData.phonesIn(spec.description()),
                spec.compoundId(),
                places.name(spec.compoundId()),
                spec.gridId(),
                places.name(spec.gridId()),
                spec.place(),
                spec.window().startsAt(),
                spec.window().endsAt(),
                spec.window().shown(),
                spec.places(),
                task.placesLeft(),
                spec.skills(),
                spec.points(),
                spec.checkInRequired(),
                task.publisherName(),
                task.whistle() == null ? null : task.whistle().whistleId(),
                task.state().name(),
                task.state().label(),
                mine,
                handles ? task.claims().stream().map(c -> claim(c, false)).toList() : null,
                detailed && handles
                        ? task.steps().stream().map(TasksController::step).toList()
                        : null);
    }

    private static ClaimView claim(Claim c, boolean masked) {
        return new ClaimView(
                c.memberId(),
                masked ? PersonalData.name(c.memberName()) : c.memberName(),
                c.state().name(),
                c.state().label(),
                c.claimedAt(),
                c.checkedInAt(),
                c.checkInPhoto(),
                c.finishedAt(),
                PersonalData.phonesIn(c.evidence()),
                c.evidencePhoto(),
                c.hours(),
                c.approvedAt());
    }

    private static StepView step(TaskStep s) {
        return new StepView(s.seq(), s.at(), s.action().label(), s.actorName(), PersonalData.phonesIn(s.note()));
    }
}
