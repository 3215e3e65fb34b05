package org.whistle.intake.open311.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.UriComponentsBuilder;
import org.whistle.intake.evidence.EvidenceResponses;
import org.whistle.intake.evidence.KeepingEvidence;
import org.whistle.intake.evidence.Upload;
import org.whistle.intake.limits.RateLimits;
import org.whistle.intake.open311.ApiKeys;
import org.whistle.intake.open311.MediaLinks;
import org.whistle.intake.open311.Open311Exception;
import org.whistle.intake.open311.ServiceDirectory;
import org.whistle.intake.open311.ServiceRequests;
import org.whistle.intake.raising.RaisingWhistles;
import org.whistle.messaging.tracing.EventTracing;
import org.whistle.texts.Phrase;

/**
 * Open311 service requests: POST one (with an {@code api_key}), GET them by filters, by id or by token, and the photo
 * a keyed read links to. HTTP in, documents out; parameters come from the query or the form body
 * ({@link Open311Request}).
 */
@RestController
@RequestMapping(Open311Calls.BASE)
class ServiceRequestController {

    private final ServiceDirectory directory;
    private final ServiceRequests requests;
    private final RaisingWhistles raising;
    private final ApiKeys keys;
    private final MediaLinks links;
    private final KeepingEvidence evidence;
    private final RateLimits limits;
    private final Open311Calls calls;
    private final Open311Rendering rendering;
    private final Clock clock;
    private final EventTracing tracing;

    ServiceRequestController(
            ServiceDirectory directory,
            ServiceRequests requests,
            RaisingWhistles raising,
            ApiKeys keys,
            MediaLinks links,
            KeepingEvidence evidence,
            RateLimits limits,
            Open311Calls calls,
            Open311Rendering rendering,
            Clock clock,
            EventTracing tracing) {
        this.directory = directory;
        this.requests = requests;
        this.raising = raising;
        this.keys = keys;
        this.links = links;
        this.evidence = evidence;
        this.limits = limits;
        this.calls = calls;
        this.rendering = rendering;
        this.clock = clock;
        this.tracing = tracing;
    }

    @PostMapping(
            path = "/requests.{format}",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE})
    ResponseEntity<String> submit(
            @PathVariable String format,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request) {
        var call = calls.open(format, params);
        keys.require(call.text("api_key"));
        var category = directory.service(call.required("service_code"));
        var whistle = call.raiseWhistle(category);
        limits.takeAnonymous(whistle.phone(), call.text("device_id"), request.getRemoteAddr());
        var raised = raising.raiseFromOpen311(whistle, uploads(request), tracing.currentTraceId());
        var created = new LinkedHashMap<String, Object>();
        created.put("service_request_id", raised.whistle().id().toString());
        created.put(
                "service_notice",
                "已受理上报，跟踪码 " + raised.trackingCode()
                        + (raised.whistle().grid() == null
                                ? ""
                                : "；所属网格 " + raised.whistle().grid().name()));
        created.put("account_id", null);
        return rendering.ok(call.format(), "service_requests", "request", List.of(created));
    }

    /**
     * The spec's defaults: the last 90 days, up to 1,000 requests. A page that does not hold every match says so with
     * {@code Link: <…page=n+1>; rel="next"}; ids, when given, take precedence over every other filter.
     */
    @GetMapping("/requests.{format}")
    ResponseEntity<String> list(
            @PathVariable String format,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request) {
        var call = calls.open(format, params);
        var query = call.query(calls.settings(), clock.instant());
        var found = requests.find(
                query,
                new ServiceRequests.Viewer(keys.known(call.text("api_key")), calls.endpoint(request)),
                call.flag("extensions"));
        var answer = rendering.ok(call.format(), "service_requests", "request", found.requests());
        if (!found.more()) {
            return answer;
        }
        // At the public address like discovery, never intake's own; the key stays out of the link.
        var next = UriComponentsBuilder.fromUriString(calls.endpoint(request) + "requests." + call.format())
                .query(request.getQueryString())
                .replaceQueryParam("page", query.page() + 1)
                .replaceQueryParam("api_key")
                .build()
                .toUriString();
        return ResponseEntity.ok()
                .headers(answer.getHeaders())
                .header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"")
                .header("X-Open311-Truncated", "true")
                .body(answer.getBody());
    }

    @GetMapping("/requests/{id}.{format}")
    ResponseEntity<String> one(
            @PathVariable String id,
            @PathVariable String format,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request) {
        var call = calls.open(format, params);
        var found = requests.find(
                        ServiceRequests.Query.one(Open311Request.id(id), clock.instant()),
                        new ServiceRequests.Viewer(keys.known(call.text("api_key")), calls.endpoint(request)),
                        call.flag("extensions"))
                .requests();
        if (found.isEmpty()) {
            throw new Open311Exception(404, Phrase.of("intake.refusal.open311.noRequest"));
        }
        return rendering.ok(call.format(), "service_requests", "request", found);
    }

    /** Requests are created at once (realtime), so a token is the request's own id. */
    @GetMapping("/tokens/{token}.{format}")
    ResponseEntity<String> token(
            @PathVariable String token,
            @PathVariable String format,
            @RequestParam MultiValueMap<String, String> params) {
        var call = calls.open(format, params);
        var found = requests.find(
                        ServiceRequests.Query.one(Open311Request.id(token), clock.instant()),
                        new ServiceRequests.Viewer(false, ""),
                        false)
                .requests();
        if (found.isEmpty()) {
            throw new Open311Exception(404, Phrase.of("intake.refusal.open311.noToken"));
        }
        var mapped = new LinkedHashMap<String, Object>();
        mapped.put("service_request_id", token);
        mapped.put("token", token);
        return rendering.ok(call.format(), "service_requests", "request", List.of(mapped));
    }

    /**
     * A whistle's photo, for a client that read the request with a key: the link in its {@code media_url} is signed
     * and expires ({@link MediaLinks}).
     */
    @GetMapping("/media/{mediaId}")
    ResponseEntity<StreamingResponseBody> media(
            @PathVariable String mediaId,
            @RequestParam(required = false) @Nullable String expires,
            @RequestParam(required = false) @Nullable String signature,
            @RequestHeader(name = HttpHeaders.RANGE, required = false) @Nullable String range) {
        long until;
        try {
            until = expires == null ? 0 : Long.parseLong(expires);
        } catch (NumberFormatException e) {
            until = 0;
        }
        if (signature == null || !links.valid(mediaId, until, signature)) {
            throw new Open311Exception(403, Phrase.of("intake.refusal.open311.linkExpired"));
        }
        var media = evidence.open(mediaId)
                .orElseThrow(() -> new Open311Exception(404, Phrase.of("intake.refusal.open311.noMedia")));
        return EvidenceResponses.inline(media, range);
    }

    private static List<Upload> uploads(HttpServletRequest request) {
        var uploads = new ArrayList<Upload>();
        if (request instanceof MultipartHttpServletRequest multipart) {
            for (var files : multipart.getMultiFileMap().values()) {
                for (var file : files) {
                    uploads.add(Upload.of(file));
                }
            }
        }
        return uploads;
    }
}
