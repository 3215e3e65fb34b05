package org.whistle.evaluation.appraisal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.evaluation.appraisal.SecretaryAppraisals;
import org.whistle.evaluation.appraisal.SeedFile;
import org.whistle.evaluation.appraisal.domain.IndicatorSet;
import org.whistle.evaluation.organisation.Organisation;
import org.whistle.evaluation.web.Authors;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;
import org.whistle.texts.Phrase;

/** 书记考核 over HTTP: indicator sets, secretaries, results, scores and hits, stars, and the printable report. */
@RestController
class SecretariesController {

    private static final String BASE = "/api/evaluation";

    private final SecretaryAppraisals appraisals;
    private final Organisation organisation;
    private final Clock clock;

    SecretariesController(SecretaryAppraisals appraisals, Organisation organisation, Clock clock) {
        this.appraisals = appraisals;
        this.organisation = organisation;
        this.clock = clock;
    }

    /** The indicator sets, of one year or all. */
    @GetMapping(BASE + "/indicator-sets")
    List<IndicatorSet> sets(@RequestParam(required = false) @Nullable Integer year, Caller caller) {
        return appraisals.sets(caller, year);
    }

    /** A new indicator set (an administrator); a set in use is never changed, a new year gets a new set. */
    @PostMapping(BASE + "/indicator-sets")
    IndicatorSet addSet(@RequestBody SeedFile.SetData body, Caller caller) {
        appraisals.requireAdministrator(caller);
        var set = body.toSet();
        appraisals.addSet(caller, set);
        return set;
    }

    /** The secretaries the caller may read. */
    @GetMapping(BASE + "/secretaries")
    List<SecretaryView.Listed> secretaries(Caller caller) {
        return appraisals.secretaries(caller).stream()
                .map(s -> SecretaryView.Listed.of(s, organisation))
                .toList();
    }

    record SecretaryRequest(
            @Nullable String community,
            @Nullable String name,
            @Nullable String level,
            @Nullable LocalDate tookOffice,
            @Nullable Integer stars,
            @Nullable String reason) {}

    /** Registers a secretary with the stars of their first rating (初评), an administrator. */
    @PostMapping(BASE + "/secretaries")
    SecretaryView.Listed addSecretary(@RequestBody SecretaryRequest body, Caller caller) {
        if (body.community() == null
                || body.name() == null
                || body.name().isBlank()
                || body.name().length() > 50) {
            throw InvalidInputException.of("name", Phrase.of("evaluation.refusal.secretaryName"));
        }
        if (body.tookOffice() == null || body.stars() == null) {
            throw InvalidInputException.of("stars", Phrase.of("evaluation.refusal.tenureAndStars"));
        }
        var reason = body.reason() == null || body.reason().isBlank()
                ? "初评"
                : body.reason().strip();
        var s = appraisals.addSecretary(
                caller,
                AppraisalsController.bounded(body.community()),
                body.name().strip(),
                body.level() == null ? "COMMUNITY" : body.level(),
                body.tookOffice(),
                body.stars(),
                reason.length() > 500 ? reason.substring(0, 500) : reason);
        return SecretaryView.Listed.of(s, organisation);
    }

    /** A quarter's (2026-Q1) or a year's (2026) result. */
    @GetMapping(BASE + "/secretaries/{id}/results")
    SecretaryView result(@PathVariable String id, @RequestParam String period, Caller caller) {
        return SecretaryView.of(appraisals.result(caller, secretaryId(id), bounded(period)), organisation);
    }

    /** The printable report (HTML with a print stylesheet). */
    @GetMapping(value = BASE + "/secretaries/{id}/report", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> report(@PathVariable String id, @RequestParam String period, Caller caller) {
        var view = SecretaryView.of(appraisals.result(caller, secretaryId(id), bounded(period)), organisation);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", SecretaryReport.POLICY)
                .body(SecretaryReport.html(view, SecretaryView.local(clock.instant())));
    }

    record ScoreRequest(
            @Nullable String period,
            @Nullable String indicator,
            @Nullable Double points,
            @Nullable String evidence) {}

    /** Scores a manual item for a quarter, or records a negative-list or veto hit, with evidence. */
    @PostMapping(BASE + "/secretaries/{id}/scores")
    SecretaryView score(@PathVariable String id, @RequestBody ScoreRequest body, Caller caller) {
        if (body.period() == null || body.indicator() == null) {
            throw InvalidInputException.of("indicator", Phrase.of("evaluation.refusal.periodAndIndicator"));
        }
        return SecretaryView.of(
                appraisals.score(
                        caller,
                        secretaryId(id),
                        bounded(body.period()),
                        bounded(body.indicator()),
                        body.points(),
                        body.evidence() == null ? "" : body.evidence()),
                organisation);
    }

    record YearRequest(@Nullable Integer year) {}

    /** 年度评定: the year's result sets the stars. */
    @PostMapping(BASE + "/secretaries/{id}/stars/annual")
    SecretaryView rateYear(@PathVariable String id, @RequestBody YearRequest body, Caller caller) {
        if (body.year() == null) {
            throw InvalidInputException.of("year", Phrase.of("evaluation.refusal.yearRequired"));
        }
        return SecretaryView.of(appraisals.rateYear(caller, secretaryId(id), body.year()), organisation);
    }

    record StarsRequest(
            @Nullable Integer stars,
            @Nullable String reason,
            @Nullable Integer year) {}

    /** 动态调整: the appraising body changes the stars for a reason. */
    @PostMapping(BASE + "/secretaries/{id}/stars")
    SecretaryView adjust(@PathVariable String id, @RequestBody StarsRequest body, Caller caller) {
        if (body.stars() == null || body.year() == null) {
            throw InvalidInputException.of("stars", Phrase.of("evaluation.refusal.starsAndYear"));
        }
        return SecretaryView.of(
                appraisals.adjustStars(
                        caller, secretaryId(id), body.stars(), body.reason() == null ? "" : body.reason(), body.year()),
                organisation);
    }

    record AdjustmentRequest(
            @Nullable String period, @Nullable String reason) {}

    /**
     * Adjusts the automatic indicators a closed quarter or year froze to what the cases say now (an administrator, with
     * a reason); the figures as they stood at closing stay beside the adjusted ones.
     */
    @PostMapping(BASE + "/secretaries/{id}/adjustments")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    SecretaryView adjustFrozen(@PathVariable String id, @RequestBody AdjustmentRequest body, Caller caller) {
        if (body.period() == null) {
            throw InvalidInputException.of("period", Phrase.of("evaluation.refusal.periodQuarterOrYear"));
        }
        var reason = Authors.reason(body.reason());
        return SecretaryView.of(
                appraisals.adjustFrozenRates(caller, secretaryId(id), bounded(body.period()), reason), organisation);
    }

    private static UUID secretaryId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("secretary", id);
        }
    }

    private static String bounded(String text) {
        if (text.length() > 32) {
            throw InvalidInputException.of("period", Phrase.of("evaluation.refusal.parameterTooLong"));
        }
        return text;
    }
}
