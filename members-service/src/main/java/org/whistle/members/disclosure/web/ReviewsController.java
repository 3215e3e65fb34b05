package org.whistle.members.disclosure.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.members.Input;
import org.whistle.members.disclosure.Reviewing;
import org.whistle.members.disclosure.domain.ReviewGrade;
import org.whistle.members.points.GrantingPoints;
import org.whistle.problems.InvalidInputException;
import org.whistle.security.Caller;
import org.whistle.texts.Phrase;

/**
 * 评议 over HTTP: the branch grades its compound's in-service members; a workplace organisation's contact (or the
 * branch it reports to) reads its members' grades as a table for the printable page or as an XLSX file.
 */
@RestController
@RequestMapping("/api/members")
class ReviewsController {

    private final Reviewing reviewing;
    private final Clock clock;

    ReviewsController(Reviewing reviewing, Clock clock) {
        this.reviewing = reviewing;
        this.clock = clock;
    }

    record ReviewRequest(
            @Nullable UUID memberId,
            @Nullable Integer year,
            @Nullable String grade,
            @Nullable String comment) {}

    @GetMapping("/reviews")
    List<Reviewing.Row> ofCompound(
            Caller caller, @RequestParam String compoundId, @RequestParam(required = false) @Nullable Integer year) {
        return reviewing.ofCompound(caller, Input.required("compoundId", compoundId, Input.CODE), year(year));
    }

    @PostMapping("/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    Reviewing.Row review(Caller caller, @RequestBody ReviewRequest request) {
        if (request.memberId() == null) {
            throw InvalidInputException.of("memberId", Phrase.of("refusal.required"));
        }
        return reviewing.review(
                caller,
                request.memberId(),
                Input.range("year", request.year(), 2000, 2100),
                grade(request.grade()),
                Objects.requireNonNullElse(Input.optional("comment", request.comment(), Input.TEXT), ""));
    }

    @GetMapping("/workplaces/{id}/reviews")
    Reviewing.WorkplaceReviews ofWorkplace(
            Caller caller, @PathVariable String id, @RequestParam(required = false) @Nullable Integer year) {
        return reviewing.ofWorkplace(caller, Input.required("id", id, Input.CODE), year(year));
    }

    /** The same table as an XLSX file, named after the organisation and the year. */
    @GetMapping("/workplaces/{id}/reviews/export")
    ResponseEntity<byte[]> export(
            Caller caller, @PathVariable String id, @RequestParam(required = false) @Nullable Integer year) {
        var reviews = reviewing.ofWorkplace(caller, Input.required("id", id, Input.CODE), year(year));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(Reviewing.XLSX));
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(reviews.workplaceName() + reviews.year() + "年度评议.xlsx", StandardCharsets.UTF_8)
                .build());
        return ResponseEntity.ok().headers(headers).body(reviewing.workbook(reviews));
    }

    private static ReviewGrade grade(@Nullable String grade) {
        return Arrays.stream(ReviewGrade.values())
                .filter(g -> g.name().equals(grade))
                .findFirst()
                .orElseThrow(() -> InvalidInputException.of("grade", Phrase.of("members.refusal.grade")));
    }

    private int year(@Nullable Integer year) {
        return year == null ? GrantingPoints.yearOf(clock.instant()) : Input.range("year", year, 2000, 2100);
    }
}
