package org.whistle.intake.open311.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
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
import org.whistle.events.TraceIds;
import org.whistle.intake.IntakeProperties;
import org.whistle.intake.evidence.EvidenceResponses;
import org.whistle.intake.evidence.KeepingEvidence;
import org.whistle.intake.evidence.Upload;
import org.whistle.intake.limits.RateLimits;
import org.whistle.intake.open311.ApiKeys;
import org.whistle.intake.open311.MediaLinks;
import org.whistle.intake.open311.Open311Exception;
import org.whistle.intake.open311.Open311Status;
import org.whistle.intake.open311.ServiceDirectory;
import org.whistle.intake.open311.ServiceRequests;
import org.whistle.intake.raising.RaiseWhistle;
import org.whistle.intake.raising.RaisingWhistles;
import org.whistle.intake.raising.SupportingWhistles;

/**
 * Open311 GeoReport v2 at {@code /open311/v2/}, with FixMyStreet's request updates: HTTP in, documents out. Every
 * document comes as {@code .json} or {@code .xml} ({@link Open311Rendering}); errors are the spec's in the same
 * format ({@link Open311Errors}); parameters come from the query or the form body ({@link Open311Request}).
 */
@RestController
@RequestMapping(Open311Controller.BASE)
class Open311Controller {

    static final String BASE = "/open311/v2";
    static final String NOT_PINPOINTED = "#NOTPINPOINTED#";
    static final int UPDATE_ID_MAX_LENGTH = 64;
    /** Deeper pages are not offered: page by dates instead (start_date/end_date). */
    static final int MAX_PAGE = 10_000;

    private final ServiceDirectory directory;
    private final ServiceRequests requests;
    private final RaisingWhistles raising;
    private final SupportingWhistles supporting;
    private final ApiKeys keys;
    private final MediaLinks links;
    private final KeepingEvidence evidence;
    private final RateLimits limits;
    private final Open311Rendering rendering;
    private final IntakeProperties.Open311 settings;
    private final Clock clock;

    Open311Controller(
            ServiceDirectory directory,
            ServiceRequests requests,
            RaisingWhistles raising,
            SupportingWhistles supporting,
            ApiKeys keys,
            MediaLinks links,
            KeepingEvidence evidence,
            RateLimits limits,
            Open311Rendering rendering,
            IntakeProperties properties,
            Clock clock) {
        this.directory = directory;
        this.requests = requests;
        this.raising = raising;
        this.supporting = supporting;
        this.keys = keys;
        this.links = links;
        this.evidence = evidence;
        this.limits = limits;
        this.rendering = rendering;
        this.settings = properties.open311();
        this.clock = clock;
    }

    @GetMapping("/discovery.{format}")
    ResponseEntity<String> discovery(@PathVariable String format, HttpServletRequest request) {
        var call = Open311Request.of(format, new LinkedMultiValueMap<>());
        return rendering.ok(call.format(), "discovery", "discovery", directory.discovery(endpoint(request)));
    }

    @GetMapping("/services.{format}")
    ResponseEntity<String> services(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
        var call = open(format, params);
        return rendering.ok(call.format(), "services", "service", directory.services());
    }

    @GetMapping("/services/{code}.{format}")
    ResponseEntity<String> service(
            @PathVariable String code,
            @PathVariable String format,
            @RequestParam MultiValueMap<String, String> params) {
        var call = open(format, params);
        return rendering.ok(call.format(), "service_definition", "service_definition", directory.definition(code));
    }

    @PostMapping(
            path = "/requests.{format}",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE})
    ResponseEntity<String> submit(
            @PathVariable String format,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request) {
        var call = open(format, params);
        keys.require(call.text("api_key"));
        var category = directory.service(call.required("service_code"));
        // FixMyStreet's #NOTPINPOINTED#: the reporter gave no point; its lat/long are only the map's centre.
        var pinpointed = !NOT_PINPOINTED.equals(call.text("address_id"));
        var lat = pinpointed ? call.number("lat") : null;
        var lng = pinpointed ? call.number("long") : null;
        var address = call.text("address_string");
        if ((lat == null || lng == null) && address == null) {
            throw new Open311Exception(
                    400,
                    pinpointed
                            ? "lat and long, or address_string, are required"
                            : "address_string is required with address_id " + NOT_PINPOINTED);
        }
        var description = call.text("description");
        if (description == null) {
            description = category.name();
        }
        var phone = call.text("phone");
        limits.takeAnonymous(phone, call.text("device_id"), request.getRemoteAddr());
        var raised = raising.raiseFromOpen311(
                new RaiseWhistle(
                        "OPEN311",
                        category.code(),
                        description,
                        lat,
                        lng,
                        "WGS84",
                        address,
                        phone,
                        call.text("attribute[urgency]"),
                        null,
                        call.text("media_url")),
                uploads(request),
                TraceIds.newTraceId());
        var whistle = raised.whistle();
        var created = new LinkedHashMap<String, Object>();
        created.put("service_request_id", whistle.id().toString());
        created.put(
                "service_notice",
                "已受理上报，跟踪码 " + raised.trackingCode()
                        + (whistle.grid() == null
                                ? ""
                                : "；所属网格 " + whistle.grid().name()));
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
        var call = open(format, params);
        var ids = call.list("service_request_id");
        if (ids.size() > settings.maxPageSize()) {
            throw new Open311Exception(400, "service_request_id lists at most " + settings.maxPageSize() + " ids");
        }
        var viewer = new ServiceRequests.Viewer(keys.known(call.text("api_key")), endpoint(request));
        if (!ids.isEmpty()) {
            // An id that is no UUID names no request: absent from the answer, like one that names nothing.
            var found = requests.find(
                    new ServiceRequests.Query(
                            ids.stream()
                                    .flatMap(id -> Open311Request.uuid(id).stream())
                                    .toList(),
                            List.of(),
                            Instant.EPOCH,
                            clock.instant(),
                            Set.of(),
                            1,
                            ids.size()),
                    viewer,
                    call.flag("extensions"));
            return rendering.ok(call.format(), "service_requests", "request", found.requests());
        }
        var end = call.date("end_date");
        var start = call.date("start_date");
        var to = end == null ? clock.instant() : end;
        var from = start == null ? to.minus(settings.defaultWindow()) : start;
        if (from.isAfter(to)) {
            throw new Open311Exception(400, "start_date is after end_date");
        }
        var statuses = new LinkedHashSet<String>();
        for (var status : call.list("status")) {
            var named = status.toLowerCase(Locale.ROOT);
            if (!named.equals("open") && !named.equals("closed")) {
                throw new Open311Exception(400, "status must be open, closed or both (open,closed)");
            }
            statuses.add(named);
        }
        int page = call.integer("page", 1);
        int size = call.integer("page_size", settings.defaultPageSize());
        if (page < 1 || page > MAX_PAGE || size < 1 || size > settings.maxPageSize()) {
            throw new Open311Exception(
                    400, "page must be 1 to " + MAX_PAGE + ", page_size 1 to " + settings.maxPageSize());
        }
        var found = requests.find(
                new ServiceRequests.Query(List.of(), call.list("service_code"), from, to, statuses, page, size),
                viewer,
                call.flag("extensions"));
        var answer = rendering.ok(call.format(), "service_requests", "request", found.requests());
        if (!found.more()) {
            return answer;
        }
        // At the public address like discovery, never intake's own; the key stays out of the link.
        var next = UriComponentsBuilder.fromUriString(endpoint(request) + "requests." + call.format())
                .query(request.getQueryString())
                .replaceQueryParam("page", page + 1)
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
        var call = open(format, params);
        var found = requests.find(
                        ServiceRequests.Query.one(Open311Request.id(id), clock.instant()),
                        new ServiceRequests.Viewer(keys.known(call.text("api_key")), endpoint(request)),
                        call.flag("extensions"))
                .requests();
        if (found.isEmpty()) {
            throw new Open311Exception(404, "service_request_id " + id + " not found");
        }
        return rendering.ok(call.format(), "service_requests", "request", found);
    }

    /** Requests are created at once (realtime), so a token is the request's own id. */
    @GetMapping("/tokens/{token}.{format}")
    ResponseEntity<String> token(
            @PathVariable String token,
            @PathVariable String format,
            @RequestParam MultiValueMap<String, String> params) {
        var call = open(format, params);
        var found = requests.find(
                        ServiceRequests.Query.one(Open311Request.id(token), clock.instant()),
                        new ServiceRequests.Viewer(false, ""),
                        false)
                .requests();
        if (found.isEmpty()) {
            throw new Open311Exception(404, "token " + token + " not found");
        }
        var mapped = new LinkedHashMap<String, Object>();
        mapped.put("service_request_id", token);
        mapped.put("token", token);
        return rendering.ok(call.format(), "service_requests", "request", List.of(mapped));
    }

    @GetMapping("/servicerequestupdates.{format}")
    ResponseEntity<String> updates(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
        var call = open(format, params);
        var end = call.date("end_date");
        var start = call.date("start_date");
        var to = end == null ? clock.instant() : end;
        var from = start == null ? to.minus(Duration.ofDays(1)) : start;
        var updates = requests.updates(from, to, settings.maxPageSize(), keys.known(call.text("api_key")));
        return rendering.ok(call.format(), "service_request_updates", "request_update", updates);
    }

    @PostMapping(
            path = "/servicerequestupdates.{format}",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE})
    ResponseEntity<String> update(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
        var call = open(format, params);
        keys.require(call.text("api_key"));
        var id = Open311Request.id(call.required("service_request_id"));
        var description = call.required("description");
        // FixMyStreet sends the status the update sets (OPEN, CLOSED, FIXED …) and its own update_id.
        var given = call.text("status");
        var status = given == null
                ? "OPEN"
                : Open311Status.given(given)
                        .orElseThrow(() -> new Open311Exception(
                                400, "status must be open or closed, or one of FixMyStreet's extended statuses"));
        var clientUpdateId = call.text("update_id");
        if (clientUpdateId != null && clientUpdateId.length() > UPDATE_ID_MAX_LENGTH) {
            throw new Open311Exception(400, "update_id holds at most " + UPDATE_ID_MAX_LENGTH + " characters");
        }
        var supported = supporting.support(
                id,
                description,
                call.text("phone"),
                new SupportingWhistles.ClientUpdate(
                        clientUpdateId, status, Open311Status.CLOSED_GIVEN.contains(status)));
        var update = new LinkedHashMap<String, Object>();
        // The id GET servicerequestupdates lists this update by.
        update.put("update_id", String.valueOf(supported.updateId()));
        return rendering.ok(call.format(), "service_request_updates", "request_update", List.of(update));
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
            throw new Open311Exception(
                    403, "the link is not valid or has expired; read the request again for a new one");
        }
        var media =
                evidence.open(mediaId).orElseThrow(() -> new Open311Exception(404, "media " + mediaId + " not found"));
        return EvidenceResponses.inline(media, range);
    }

    /** The façade's public address: the platform's public URL when set (not intake's own), else the request's. */
    private String endpoint(HttpServletRequest request) {
        var configured = settings.publicUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.strip().replaceFirst("/+$", "") + BASE + "/";
        }
        var url = request.getRequestURL().toString();
        return url.substring(0, url.indexOf(BASE) + BASE.length()) + "/";
    }

    /** The call's parameters, once its format is known and its jurisdiction (if named) is ours. */
    private Open311Request open(String format, MultiValueMap<String, String> params) {
        var call = Open311Request.of(format, params);
        var jurisdiction = call.text("jurisdiction_id");
        if (jurisdiction != null && !jurisdiction.equals(settings.jurisdictionId())) {
            throw new Open311Exception(404, "jurisdiction_id " + jurisdiction + " not found");
        }
        return call;
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
