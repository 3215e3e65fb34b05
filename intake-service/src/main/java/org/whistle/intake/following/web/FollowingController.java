package org.whistle.intake.following.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.whistle.events.WhistleFeedback;
import org.whistle.intake.evidence.EvidenceResponses;
import org.whistle.intake.evidence.KeepingEvidence;
import org.whistle.intake.evidence.StoredMedia;
import org.whistle.intake.following.FollowingWhistles;
import org.whistle.intake.following.FollowingWhistles.Refused;
import org.whistle.intake.following.FollowingWhistles.Seen;
import org.whistle.intake.following.GivingFeedback;
import org.whistle.intake.following.LiveTickets;
import org.whistle.intake.following.OwnWhistles;
import org.whistle.intake.following.ReporterRelations;
import org.whistle.intake.limits.FailedLookups;
import org.whistle.intake.memberphotos.MembersPhotosUnavailable;
import org.whistle.intake.memberphotos.MembersResultPhotos;
import org.whistle.messaging.tracing.EventTracing;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;
import org.whistle.security.personaldata.AccessDecisions;
import org.whistle.security.personaldata.Disclosure;
import org.whistle.texts.Catalogue;

/**
 * The reporter's and staff's view of a whistle. Anonymous reporters prove themselves with the tracking code and the
 * phone they gave: as query parameters on {@code /track}, as headers ({@code X-Tracking-Code}, {@code X-Reporter-Phone})
 * elsewhere, so the phone stays out of URLs that get logged. Every answer, and every refusal, is recorded in the
 * access-decision log.
 */
@RestController
@RequestMapping("/api/whistles")
class FollowingController {

    static final String CODE_HEADER = "X-Tracking-Code";
    static final String PHONE_HEADER = "X-Reporter-Phone";

    private static final Logger log = LoggerFactory.getLogger(FollowingController.class);

    private final FollowingWhistles following;
    private final GivingFeedback feedback;
    private final KeepingEvidence evidence;
    private final ReporterRelations relations;
    private final AccessDecisions decisions;
    private final FailedLookups lookups;
    private final OwnWhistles own;
    private final MembersResultPhotos memberPhotos;
    private final LiveTickets liveTickets;
    private final EventTracing tracing;

    FollowingController(
            FollowingWhistles following,
            GivingFeedback feedback,
            KeepingEvidence evidence,
            ReporterRelations relations,
            AccessDecisions decisions,
            FailedLookups lookups,
            OwnWhistles own,
            MembersResultPhotos memberPhotos,
            LiveTickets liveTickets,
            EventTracing tracing) {
        this.following = following;
        this.liveTickets = liveTickets;
        this.tracing = tracing;
        this.memberPhotos = memberPhotos;
        this.own = own;
        this.feedback = feedback;
        this.evidence = evidence;
        this.relations = relations;
        this.decisions = decisions;
        this.lookups = lookups;
    }

    /**
     * The anonymous reporter's view by code and phone, as headers (kept out of URL logs) or, as before, as query
     * parameters. Failed lookups are limited per client address and per code ({@link FailedLookups}).
     */
    @GetMapping("/track")
    Map<String, Object> track(
            @RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) @Nullable String phone,
            @RequestHeader(name = CODE_HEADER, required = false) @Nullable String codeHeader,
            @RequestHeader(name = PHONE_HEADER, required = false) @Nullable String phoneHeader,
            @Nullable Caller caller,
            HttpServletRequest request) {
        var typed = codeHeader != null ? codeHeader : code == null ? "" : code;
        var address = request.getRemoteAddr();
        lookups.check(address, typed);
        return switch (following.track(typed, phoneHeader != null ? phoneHeader : phone, caller)) {
            case Seen seen -> shown(seen, "track", caller);
            case Refused refused -> {
                lookups.failed(address, typed);
                decisions
                        .about("whistle", refused.whistleId(), "track")
                        .by(caller)
                        .hidden(refused.rule());
                throw new NotFoundException("whistle", "");
            }
        };
    }

    /**
     * 我的吹哨: the signed-in reporter's own whistles, newest first; {@code after} is the previous page's {@code next}.
     * Anonymous callers are asked to sign in (401, {@code PublicEndpoints}).
     */
    @GetMapping("/mine")
    OwnWhistles.Page mine(
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(required = false) @Nullable Integer limit,
            Caller caller) {
        return own.of(caller, after, limit);
    }

    @GetMapping("/{id}")
    Map<String, Object> whistle(
            @PathVariable String id,
            @RequestHeader(name = CODE_HEADER, required = false) @Nullable String code,
            @RequestHeader(name = PHONE_HEADER, required = false) @Nullable String phone,
            @Nullable Caller caller,
            HttpServletRequest request) {
        return shown(seen(id, caller, code, phone, "whistle", id, request), "read", caller);
    }

    /** The whistle's page, with the reporter's contact as the caller may see it, and the decision recorded. */
    private Map<String, Object> shown(Seen seen, String action, @Nullable Caller caller) {
        var contact = relations.disclosure(seen, caller);
        decisions
                .about("whistle", seen.whistle().id(), action)
                .by(caller)
                .disclosed("reporter.phone", seen.whistle().phoneCipher() == null ? Disclosure.NONE : contact)
                .disclosed("whistle.description", contact == Disclosure.FULL ? Disclosure.FULL : Disclosure.MASKED)
                .allowed(seen.rule() + ":"
                        + relations
                                .relation(seen, caller)
                                .name()
                                .toLowerCase(Locale.ROOT)
                                .replace('_', '-'));
        var view = following.view(seen, contact);
        // An anonymous reporter's page follows its whistle live with this ticket (ADR 0059); it comes with each
        // look-up,
        // so the page renews it by looking up again.
        liveTickets.forView(seen).ifPresent(ticket -> view.put("live", ticket));
        // The command page offers "record a phone follow-up" (电话回访) where this caller may record one now.
        view.put(
                "canRecordFollowUp",
                seen.viewer() == FollowingWhistles.Viewer.STAFF
                        && GivingFeedback.recordsForTheReporter(seen.whistle(), caller)
                        && Boolean.TRUE.equals(view.get("canRate")));
        return view;
    }

    /**
     * The whistle as the caller may see it, or — recorded as hidden — not found. A refused lookup by tracking code
     * counts against the client's address and the whistle id ({@link FailedLookups}).
     */
    private Seen seen(
            String id,
            @Nullable Caller caller,
            @Nullable String code,
            @Nullable String phone,
            String resource,
            String resourceId,
            HttpServletRequest request) {
        var byCode = code != null;
        if (byCode) {
            lookups.check(request.getRemoteAddr(), id);
        }
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            if (byCode) {
                lookups.failed(request.getRemoteAddr(), id);
            }
            decisions.about(resource, null, "read").by(caller).hidden("no-such-whistle");
            throw new NotFoundException("whistle", id);
        }
        return switch (following.access(uuid, caller, code, phone)) {
            case Seen seen -> seen;
            case Refused refused -> {
                if (byCode) {
                    lookups.failed(request.getRemoteAddr(), id);
                }
                decisions.about(resource, resourceId, "read").by(caller).hidden(refused.rule());
                throw new NotFoundException("whistle", id);
            }
        };
    }

    /** The feedback body; anonymous reporters add their tracking code and phone. */
    record FeedbackRequest(
            @Nullable String rating,
            @Nullable Boolean resolved,
            @Nullable String comment,
            @Nullable String trackingCode,
            @Nullable String phone) {}

    @PostMapping("/{id}/feedback")
    ResponseEntity<WhistleFeedback> feedback(
            @PathVariable String id,
            @RequestBody FeedbackRequest body,
            @RequestHeader(name = CODE_HEADER, required = false) @Nullable String code,
            @RequestHeader(name = PHONE_HEADER, required = false) @Nullable String phone,
            @Nullable Caller caller,
            HttpServletRequest request) {
        var typed = body.trackingCode() != null ? body.trackingCode() : code;
        var address = request.getRemoteAddr();
        if (typed != null) {
            lookups.check(address, id);
        }
        try {
            var given = feedback.give(
                    uuid(id),
                    new GivingFeedback.Feedback(body.rating(), body.resolved(), body.comment()),
                    caller,
                    typed,
                    body.phone() != null ? body.phone() : phone,
                    tracing.currentTraceId());
            return ResponseEntity.status(201).body(given);
        } catch (NotFoundException e) {
            if (typed != null) {
                lookups.failed(address, id);
            }
            throw e;
        }
    }

    /**
     * A photo or video of the whistle, only to those who may see the whistle. Media that may still carry where it was
     * taken (HEIC, some MP4) goes only to the reporter and staff — today the same people, kept explicit for when
     * whistles get public pages.
     */
    @GetMapping("/{id}/evidence/{mediaId}")
    ResponseEntity<StreamingResponseBody> evidence(
            @PathVariable String id,
            @PathVariable String mediaId,
            @RequestHeader(name = CODE_HEADER, required = false) @Nullable String code,
            @RequestHeader(name = PHONE_HEADER, required = false) @Nullable String phone,
            @RequestHeader(name = HttpHeaders.RANGE, required = false) @Nullable String range,
            @Nullable Caller caller,
            HttpServletRequest request) {
        var seen = seen(id, caller, code, phone, "evidence", mediaId, request);
        var decision = decisions.about("evidence", mediaId, "read").by(caller);
        // The members' photos that answered the whistle are opened through the copy intake keeps of them (ADR 0051).
        Optional<StoredMedia> found;
        try {
            found = MembersResultPhotos.isMembersPhoto(mediaId)
                    ? memberPhotos.open(seen.whistle().id(), mediaId)
                    : evidence.open(mediaId);
        } catch (MembersPhotosUnavailable e) {
            log.warn("A members' photo of whistle {} cannot be read now: {}", id, e.getMessage());
            decision.hidden("members-photo-unavailable");
            var texts = Catalogue.of(LocaleContextHolder.getLocale());
            var problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.SERVICE_UNAVAILABLE, texts.text("problem.detail.members-photo-unavailable"));
            problem.setTitle(texts.text("problem.title.service-unavailable"));
            throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, e);
        }
        if (found.isEmpty()) {
            decision.hidden("no-such-evidence");
            throw new NotFoundException("evidence", mediaId);
        }
        var media = found.get();
        boolean ofThisWhistle = seen.whistle().id().toString().equals(media.whistleId());
        boolean allowed = ofThisWhistle
                && (media.locationStripped()
                        || seen.viewer() == FollowingWhistles.Viewer.REPORTER
                        || seen.viewer() == FollowingWhistles.Viewer.STAFF);
        if (!allowed) {
            try {
                media.close();
            } catch (java.io.IOException ignored) {
                // the refusal does not depend on closing
            }
            decision.hidden(ofThisWhistle ? "location-kept-for-reporter-and-staff" : "evidence-of-another-whistle");
            throw new NotFoundException("evidence", mediaId);
        }
        // Where a photo was taken can point to the reporter's home: say whether this file still carries it.
        decision.disclosed("evidence.location", media.locationStripped() ? Disclosure.NONE : Disclosure.FULL)
                .allowed(seen.rule());
        return EvidenceResponses.inline(media, range);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("whistle", id);
        }
    }
}
