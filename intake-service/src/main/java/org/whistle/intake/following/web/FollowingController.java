package org.whistle.intake.following.web;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.whistle.events.TraceIds;
import org.whistle.events.WhistleFeedback;
import org.whistle.intake.evidence.EvidenceResponses;
import org.whistle.intake.evidence.KeepingEvidence;
import org.whistle.intake.following.FollowingWhistles;
import org.whistle.intake.following.GivingFeedback;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;

/**
 * The reporter's and staff's view of a whistle. Anonymous reporters prove themselves with the tracking code and the
 * phone they gave: as query parameters on {@code /track}, as headers ({@code X-Tracking-Code}, {@code X-Reporter-Phone})
 * elsewhere, so the phone stays out of URLs that get logged.
 */
@RestController
@RequestMapping("/api/whistles")
class FollowingController {

    static final String CODE_HEADER = "X-Tracking-Code";
    static final String PHONE_HEADER = "X-Reporter-Phone";

    private final FollowingWhistles following;
    private final GivingFeedback feedback;
    private final KeepingEvidence evidence;

    FollowingController(FollowingWhistles following, GivingFeedback feedback, KeepingEvidence evidence) {
        this.following = following;
        this.feedback = feedback;
        this.evidence = evidence;
    }

    @GetMapping("/track")
    Map<String, Object> track(@RequestParam String code, @RequestParam(required = false) @Nullable String phone) {
        return following.view(following.track(code, phone));
    }

    @GetMapping("/{id}")
    Map<String, Object> whistle(
            @PathVariable String id,
            @RequestHeader(name = CODE_HEADER, required = false) @Nullable String code,
            @RequestHeader(name = PHONE_HEADER, required = false) @Nullable String phone,
            @Nullable Caller caller) {
        return following.view(following.seen(uuid(id), caller, code, phone));
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
            @RequestHeader(name = "traceparent", required = false) @Nullable String traceparent,
            @Nullable Caller caller) {
        var given = feedback.give(
                uuid(id),
                new GivingFeedback.Feedback(body.rating(), body.resolved(), body.comment()),
                caller,
                body.trackingCode() != null ? body.trackingCode() : code,
                body.phone() != null ? body.phone() : phone,
                TraceIds.traceIdOf(traceparent));
        return ResponseEntity.status(201).body(given);
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
            @Nullable Caller caller) {
        var seen = following.seen(uuid(id), caller, code, phone);
        var media = evidence.open(mediaId).orElseThrow(() -> new NotFoundException("evidence", mediaId));
        boolean allowed = seen.whistle().id().toString().equals(media.whistleId())
                && (media.locationStripped()
                        || seen.viewer() == FollowingWhistles.Viewer.REPORTER
                        || seen.viewer() == FollowingWhistles.Viewer.STAFF);
        if (!allowed) {
            try {
                media.close();
            } catch (java.io.IOException ignored) {
                // the refusal does not depend on closing
            }
            throw new NotFoundException("evidence", mediaId);
        }
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
