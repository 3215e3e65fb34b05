package org.whistle.evaluation.ratings.web;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.evaluation.organisation.Organisation;
import org.whistle.evaluation.ratings.Ratings;
import org.whistle.evaluation.ratings.domain.Assessment;
import org.whistle.evaluation.ratings.domain.RatingId;
import org.whistle.evaluation.ratings.domain.RatingRefused;
import org.whistle.evaluation.ratings.domain.UnitRating;
import org.whistle.events.UnitRated;
import org.whistle.problems.InvalidInputException;
import org.whistle.security.Caller;
import org.whistle.texts.Catalogue;
import org.whistle.texts.Phrase;

/** 双考核 over HTTP: the ratings to give, a unit's ratings, appeals to decide, and the three changes. */
@RestController
@RequestMapping("/api/evaluation/ratings")
class RatingsController {

    private static final int MAX_LIST = 500;

    private final Ratings ratings;
    private final Organisation organisation;

    RatingsController(Ratings ratings, Organisation organisation) {
        this.ratings = ratings;
        this.organisation = organisation;
    }

    @GetMapping("/to-give")
    /** 待评价: the parts of summoned units that ended and the centre has still to rate. */
    List<RatingView> toGive(
            @RequestParam(required = false) @Nullable String centre,
            @RequestParam(defaultValue = "200") int limit,
            Caller caller) {
        return views(ratings.toGive(caller, bounded(centre), limit(limit)));
    }

    @GetMapping("/appeals")
    /** 待裁定: appeals against the ratings of the centres below the caller's level. */
    List<RatingView> appeals(@RequestParam(defaultValue = "200") int limit, Caller caller) {
        return views(ratings.appealsToDecide(caller, limit(limit)));
    }

    @GetMapping
    /** A unit's ratings (the caller's own unit unless another is named), newest first. */
    List<RatingView> ofUnit(
            @RequestParam(required = false) @Nullable String unit,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(defaultValue = "200") int limit,
            Caller caller) {
        return views(ratings.ofUnit(caller, bounded(unit), from, to, limit(limit)));
    }

    @GetMapping("/{id}")
    /** One rating with its record. */
    RatingView one(@PathVariable String id, Caller caller) {
        return view(ratings.read(caller, ratingId(id)));
    }

    /** The centre's judgement of the unit's part. */
    record RateRequest(
            @Nullable Boolean reportedInOnTime,
            @Nullable Boolean cameOnSite,
            @Nullable Boolean stayedUntilDone,
            UnitRated.@Nullable Quality quality,
            @Nullable Integer score,
            @Nullable String comment) {}

    @PostMapping("/{id}/rating")
    /** 评价: the summoning centre rates the unit's part. */
    RatingView rate(@PathVariable String id, @RequestBody RateRequest body, Caller caller) {
        if (body.reportedInOnTime() == null) {
            throw InvalidInputException.of("reportedInOnTime", Phrase.of("evaluation.refusal.onTimeRequired"));
        }
        if (body.cameOnSite() == null) {
            throw InvalidInputException.of("cameOnSite", Phrase.of("evaluation.refusal.presentRequired"));
        }
        if (body.stayedUntilDone() == null) {
            throw InvalidInputException.of("stayedUntilDone", Phrase.of("evaluation.refusal.stayedRequired"));
        }
        if (body.quality() == null) {
            throw InvalidInputException.of("quality", Phrase.of("evaluation.refusal.qualityRequired"));
        }
        if (body.score() == null || body.score() < 0 || body.score() > 100) {
            throw InvalidInputException.of("score", Phrase.of("evaluation.refusal.score"));
        }
        if (body.comment() != null && body.comment().strip().length() > Assessment.MAX_COMMENT) {
            throw InvalidInputException.of(
                    "comment", Phrase.of("refusal.atMostCharacters", "max", Assessment.MAX_COMMENT));
        }
        var assessment = new Assessment(
                body.reportedInOnTime(),
                body.cameOnSite(),
                body.stayedUntilDone(),
                body.quality(),
                body.score(),
                body.comment());
        return view(ratings.rate(caller, ratingId(id), assessment));
    }

    /** The unit's reason for appealing. */
    record AppealRequest(@Nullable String reason) {}

    @PostMapping("/{id}/appeal")
    /** 申诉: the rated unit appeals once, with a reason. */
    RatingView appeal(@PathVariable String id, @RequestBody AppealRequest body, Caller caller) {
        return view(ratings.appeal(caller, ratingId(id), reason(body.reason(), "evaluation.refusal.appealReason")));
    }

    /** The decision: a new score to amend the rating, none to uphold it; always a reason. */
    record DecisionRequest(
            @Nullable Integer score, @Nullable String reason) {}

    @PostMapping("/{id}/decision")
    /** 裁定: the level above the centre upholds or amends the rating, with a reason. */
    RatingView decide(@PathVariable String id, @RequestBody DecisionRequest body, Caller caller) {
        return view(ratings.decide(caller, ratingId(id), body.score(), body.reason() == null ? "" : body.reason()));
    }

    /** A transition the rating's state does not allow: 409 with the reason a person reads. */
    @ExceptionHandler(RatingRefused.class)
    ResponseEntity<ProblemDetail> refused(RatingRefused e) {
        var catalogue = Catalogue.of(LocaleContextHolder.getLocale());
        var problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.reason().in(catalogue));
        problem.setTitle(catalogue.text("evaluation.problem.ratingRefused"));
        problem.setType(java.net.URI.create("https://whistle.org/problems/rating-refused"));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    private List<RatingView> views(List<UnitRating> list) {
        return list.stream().map(r -> RatingView.of(r, organisation, List.of())).toList();
    }

    private RatingView view(UnitRating r) {
        return RatingView.of(r, organisation, ratings.history(r.id()));
    }

    private static RatingId ratingId(String id) {
        try {
            return RatingId.of(id);
        } catch (IllegalArgumentException e) {
            throw new org.whistle.problems.NotFoundException("rating", id);
        }
    }

    private static String reason(@Nullable String reason, String required) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", Phrase.of(required));
        }
        if (reason.strip().length() > UnitRating.MAX_REASON) {
            throw InvalidInputException.of(
                    "reason", Phrase.of("evaluation.refusal.reasonLong", "max", UnitRating.MAX_REASON));
        }
        return reason;
    }

    private static int limit(int limit) {
        return Math.max(1, Math.min(limit, MAX_LIST));
    }

    private static @Nullable String bounded(@Nullable String id) {
        if (id != null && id.length() > 64) {
            throw InvalidInputException.of("unit", Phrase.of("evaluation.refusal.unitCodeTooLong"));
        }
        return id;
    }
}
