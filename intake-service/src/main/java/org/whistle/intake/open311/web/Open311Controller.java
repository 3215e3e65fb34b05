package org.whistle.intake.open311.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.whistle.events.TraceIds;
import org.whistle.intake.IntakeProperties;
import org.whistle.intake.evidence.Upload;
import org.whistle.intake.limits.RateLimits;
import org.whistle.intake.open311.ApiKeys;
import org.whistle.intake.open311.Open311Exception;
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
@RequestMapping("/open311/v2")
class Open311Controller {

    private final ServiceDirectory directory;
    private final ServiceRequests requests;
    private final RaisingWhistles raising;
    private final SupportingWhistles supporting;
    private final ApiKeys keys;
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
            RateLimits limits,
            Open311Rendering rendering,
            IntakeProperties properties,
            Clock clock) {
        this.directory = directory;
        this.requests = requests;
        this.raising = raising;
        this.supporting = supporting;
        this.keys = keys;
        this.limits = limits;
        this.rendering = rendering;
        this.settings = properties.open311();
        this.clock = clock;
    }

    @GetMapping("/discovery.{format}")
    ResponseEntity<String> discovery(@PathVariable String format, HttpServletRequest request) {
        var call = Open311Request.of(format, new org.springframework.util.LinkedMultiValueMap<>());
        var endpoint = request.getRequestURL().toString().replaceFirst("/discovery\\.[A-Za-z]+$", "/");
        return rendering.ok(call.format(), "discovery", "discovery", directory.discovery(endpoint));
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
        var lat = call.number("lat");
        var lng = call.number("long");
        var address = call.text("address_string");
        if ((lat == null || lng == null) && address == null) {
            throw new Open311Exception(400, "lat and long, or address_string, are required");
        }
        var description = call.text("description");
        if (description == null) {
            description = category.name();
        }
        var mediaUrl = call.text("media_url");
        if (mediaUrl != null) {
            description = description + "\n[media_url] " + mediaUrl;
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
                        null),
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

    @GetMapping("/requests.{format}")
    ResponseEntity<String> list(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
        var call = open(format, params);
        var ids = call.list("service_request_id");
        if (ids.size() > settings.maxPageSize()) {
            throw new Open311Exception(400, "service_request_id lists at most " + settings.maxPageSize() + " ids");
        }
        var end = call.date("end_date");
        var start = call.date("start_date");
        var to = end == null ? clock.instant() : end;
        var from = start == null ? to.minus(settings.defaultWindow()) : start;
        if (from.isAfter(to)) {
            throw new Open311Exception(400, "start_date is after end_date");
        }
        var status = call.text("status");
        if (status != null && !status.equals("open") && !status.equals("closed")) {
            throw new Open311Exception(400, "status must be open or closed");
        }
        int page = call.integer("page", 1);
        int size = call.integer("page_size", settings.defaultPageSize());
        if (page < 1 || size < 1 || size > settings.maxPageSize()) {
            throw new Open311Exception(400, "page must be 1 or more, page_size 1 to " + settings.maxPageSize());
        }
        var found = requests.find(
                new ServiceRequests.Query(
                        ids.stream().map(Open311Request::id).toList(),
                        call.text("service_code"),
                        from,
                        to,
                        status,
                        page,
                        size),
                keys.known(call.text("api_key")),
                call.flag("extensions"));
        return rendering.ok(call.format(), "service_requests", "request", found);
    }

    @GetMapping("/requests/{id}.{format}")
    ResponseEntity<String> one(
            @PathVariable String id, @PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
        var call = open(format, params);
        var found = requests.find(
                ServiceRequests.Query.one(Open311Request.id(id), clock.instant()),
                keys.known(call.text("api_key")),
                call.flag("extensions"));
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
        var found = requests.find(ServiceRequests.Query.one(Open311Request.id(token), clock.instant()), false, false);
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
        var supported = supporting.support(id, description, call.text("phone"), List.of(), null);
        var update = new LinkedHashMap<String, Object>();
        update.put("update_id", supported.supportId().toString());
        return rendering.ok(call.format(), "service_request_updates", "request_update", List.of(update));
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
