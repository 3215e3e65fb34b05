package org.whistle.intake.open311.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.whistle.events.CategoryChanged;
import org.whistle.events.TraceIds;
import org.whistle.intake.IntakeProperties;
import org.whistle.intake.evidence.Upload;
import org.whistle.intake.limits.RateLimitedException;
import org.whistle.intake.limits.RateLimits;
import org.whistle.intake.open311.Documents;
import org.whistle.intake.open311.Open311Exception;
import org.whistle.intake.open311.ServiceRequests;
import org.whistle.intake.raising.RaiseWhistle;
import org.whistle.intake.raising.RaisingWhistles;
import org.whistle.intake.raising.SupportingWhistles;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.problems.Violation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 at {@code /open311/v2/}, with FixMyStreet's request updates. Every document comes as
 * {@code .json} or {@code .xml}; errors are the spec's {@code [{code, description}]} / {@code <errors>} in the
 * requested format. {@code api_key} and {@code jurisdiction_id} are read from the query or the form body.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    static final String SPEC = "http://wiki.open311.org/GeoReport_v2";
    private static final String FORMAT = Open311Controller.class.getName() + ".format";
    private static final Map<String, String> ITEMS =
            Map.of("attributes", "attribute", "values", "value", "endpoints", "endpoint", "formats", "format");

    private final OrgReferenceCopy org;
    private final RaisingWhistles raising;
    private final SupportingWhistles supporting;
    private final ServiceRequests requests;
    private final RateLimits limits;
    private final IntakeProperties.Open311 settings;
    private final JsonMapper json;
    private final Clock clock;

    Open311Controller(
            OrgReferenceCopy org,
            RaisingWhistles raising,
            SupportingWhistles supporting,
            ServiceRequests requests,
            RateLimits limits,
            IntakeProperties properties,
            JsonMapper json,
            Clock clock) {
        this.org = org;
        this.raising = raising;
        this.supporting = supporting;
        this.requests = requests;
        this.limits = limits;
        this.settings = properties.open311();
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/discovery.{format}")
    ResponseEntity<String> discovery(@PathVariable String format, HttpServletRequest request) {
        var fmt = format(format, request);
        var base = request.getRequestURL().toString().replaceFirst("/discovery\\.[a-z]+$", "/");
        var endpoint = new LinkedHashMap<String, Object>();
        endpoint.put("specification", SPEC);
        endpoint.put("url", base);
        endpoint.put("changeset", "2026-01-01T00:00:00+08:00");
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("application/json", "text/xml"));
        var discovery = new LinkedHashMap<String, Object>();
        discovery.put("changeset", "2026-01-01T00:00:00+08:00");
        discovery.put("contact", "12345 市民服务热线");
        discovery.put("key_service", "API keys are issued by the city's command centre");
        discovery.put("endpoints", List.of(endpoint));
        return respond(fmt, "discovery", "discovery", discovery);
    }

    @GetMapping("/services.{format}")
    ResponseEntity<String> services(
            @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdiction,
            HttpServletRequest request) {
        var fmt = format(format, request);
        jurisdiction(jurisdiction);
        var services = new ArrayList<Map<String, Object>>();
        for (var category : subcategories()) {
            var service = new LinkedHashMap<String, Object>();
            service.put("service_code", category.code());
            service.put("service_name", category.name());
            service.put("description", category.nameEn());
            service.put("metadata", true);
            service.put("type", "realtime");
            service.put(
                    "keywords",
                    category.nameEn() == null ? category.name() : category.name() + "," + category.nameEn());
            service.put(
                    "group",
                    org.category(category.parentCode())
                            .map(CategoryChanged::name)
                            .orElse(null));
            services.add(service);
        }
        return respond(fmt, "services", "service", services);
    }

    @GetMapping("/services/{code}.{format}")
    ResponseEntity<String> service(
            @PathVariable String code,
            @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdiction,
            HttpServletRequest request) {
        var fmt = format(format, request);
        jurisdiction(jurisdiction);
        var category = org.category(code)
                .filter(CategoryChanged::active)
                .orElseThrow(() -> new Open311Exception(404, "service_code " + code + " not found"));
        var urgency = new LinkedHashMap<String, Object>();
        urgency.put("variable", true);
        urgency.put("code", "urgency");
        urgency.put("datatype", "singlevaluelist");
        urgency.put("required", false);
        urgency.put("datatype_description", "紧急程度 (default " + category.defaultUrgency() + ")");
        urgency.put("order", 1);
        urgency.put("description", "How urgent is it?");
        urgency.put(
                "values",
                List.of(
                        Map.of("key", "NORMAL", "name", "一般 (normal)"),
                        Map.of("key", "URGENT", "name", "紧急 (urgent)")));
        var definition = new LinkedHashMap<String, Object>();
        definition.put("service_code", category.code());
        definition.put("attributes", List.of(urgency));
        return respond(fmt, "service_definition", "service_definition", definition);
    }

    @PostMapping(
            path = "/requests.{format}",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE})
    ResponseEntity<String> submit(
            @PathVariable String format,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request) {
        var fmt = format(format, request);
        apiKey(params.getFirst("api_key"));
        jurisdiction(params.getFirst("jurisdiction_id"));
        var code = params.getFirst("service_code");
        if (code == null || code.isBlank()) {
            throw new Open311Exception(400, "service_code is required");
        }
        var category = org.category(code)
                .filter(CategoryChanged::active)
                .orElseThrow(() -> new Open311Exception(404, "service_code " + code + " not found"));
        var lat = number(params.getFirst("lat"), "lat");
        var lng = number(params.getFirst("long"), "long");
        var address = params.getFirst("address_string");
        if ((lat == null || lng == null) && (address == null || address.isBlank())) {
            throw new Open311Exception(400, "lat and long, or address_string, are required");
        }
        var description = params.getFirst("description");
        if (description == null || description.isBlank()) {
            description = category.name();
        }
        var mediaUrl = params.getFirst("media_url");
        if (mediaUrl != null && !mediaUrl.isBlank()) {
            description = description + "\n[media_url] " + mediaUrl.strip();
        }
        var phone = params.getFirst("phone");
        limits.takeAnonymous(phone, params.getFirst("device_id"), request.getRemoteAddr());
        var uploads = new ArrayList<Upload>();
        if (request instanceof MultipartHttpServletRequest multipart) {
            for (var files : multipart.getMultiFileMap().values()) {
                for (MultipartFile file : files) {
                    uploads.add(Upload.of(file));
                }
            }
        }
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
                        params.getFirst("attribute[urgency]"),
                        null),
                uploads,
                TraceIds.newTraceId());
        var created = new LinkedHashMap<String, Object>();
        created.put("service_request_id", raised.id().toString());
        created.put(
                "service_notice",
                "已受理上报，跟踪码 " + raised.trackingCode()
                        + (raised.grid() == null ? "" : "；所属网格 " + raised.grid().name()));
        created.put("account_id", null);
        return respond(fmt, "service_requests", "request", List.of(created));
    }

    @GetMapping("/requests.{format}")
    ResponseEntity<String> list(
            @PathVariable String format,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request) {
        var fmt = format(format, request);
        jurisdiction(params.getFirst("jurisdiction_id"));
        var ids = new ArrayList<UUID>();
        var listed = params.getFirst("service_request_id");
        if (listed != null && !listed.isBlank()) {
            var listedIds = listed.split(",", settings.maxPageSize() + 1);
            if (listedIds.length > settings.maxPageSize()) {
                throw new Open311Exception(400, "service_request_id lists at most " + settings.maxPageSize() + " ids");
            }
            for (var id : listedIds) {
                ids.add(uuid(id.strip()));
            }
        }
        var now = clock.instant();
        var end = date(params.getFirst("end_date"), "end_date");
        var start = date(params.getFirst("start_date"), "start_date");
        var to = end == null ? now : end;
        var from = start == null ? to.minus(settings.defaultWindow()) : start;
        if (from.isAfter(to)) {
            throw new Open311Exception(400, "start_date is after end_date");
        }
        var status = params.getFirst("status");
        if (status != null && !status.isBlank() && !status.equals("open") && !status.equals("closed")) {
            throw new Open311Exception(400, "status must be open or closed");
        }
        int page = integer(params.getFirst("page"), "page", 1);
        int size = integer(params.getFirst("page_size"), "page_size", settings.defaultPageSize());
        if (page < 1 || size < 1 || size > settings.maxPageSize()) {
            throw new Open311Exception(400, "page must be 1 or more, page_size 1 to " + settings.maxPageSize());
        }
        var found = requests.find(
                new ServiceRequests.Query(
                        ids, params.getFirst("service_code"), from, to, blank(status) ? null : status, page, size),
                knownKey(params.getFirst("api_key")),
                "true".equals(params.getFirst("extensions")));
        return respond(fmt, "service_requests", "request", found);
    }

    @GetMapping("/requests/{id}.{format}")
    ResponseEntity<String> one(
            @PathVariable String id,
            @PathVariable String format,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request) {
        var fmt = format(format, request);
        jurisdiction(params.getFirst("jurisdiction_id"));
        var found = requests.find(
                new ServiceRequests.Query(List.of(uuid(id)), null, Instant.EPOCH, clock.instant(), null, 1, 1),
                knownKey(params.getFirst("api_key")),
                "true".equals(params.getFirst("extensions")));
        if (found.isEmpty()) {
            throw new Open311Exception(404, "service_request_id " + id + " not found");
        }
        return respond(fmt, "service_requests", "request", found);
    }

    /** Requests are created at once (realtime), so a token is the request's own id. */
    @GetMapping("/tokens/{token}.{format}")
    ResponseEntity<String> token(
            @PathVariable String token,
            @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdiction,
            HttpServletRequest request) {
        var fmt = format(format, request);
        jurisdiction(jurisdiction);
        var found = requests.find(
                new ServiceRequests.Query(List.of(uuid(token)), null, Instant.EPOCH, clock.instant(), null, 1, 1),
                false,
                false);
        if (found.isEmpty()) {
            throw new Open311Exception(404, "token " + token + " not found");
        }
        var mapped = new LinkedHashMap<String, Object>();
        mapped.put("service_request_id", token);
        mapped.put("token", token);
        return respond(fmt, "service_requests", "request", List.of(mapped));
    }

    @GetMapping("/servicerequestupdates.{format}")
    ResponseEntity<String> updates(
            @PathVariable String format,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request) {
        var fmt = format(format, request);
        jurisdiction(params.getFirst("jurisdiction_id"));
        var now = clock.instant();
        var end = date(params.getFirst("end_date"), "end_date");
        var start = date(params.getFirst("start_date"), "start_date");
        var to = end == null ? now : end;
        var from = start == null ? to.minus(java.time.Duration.ofDays(1)) : start;
        var updates = requests.updates(from, to, settings.maxPageSize(), knownKey(params.getFirst("api_key")));
        return respond(fmt, "service_request_updates", "request_update", updates);
    }

    @PostMapping(
            path = "/servicerequestupdates.{format}",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE})
    ResponseEntity<String> update(
            @PathVariable String format,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request) {
        var fmt = format(format, request);
        apiKey(params.getFirst("api_key"));
        jurisdiction(params.getFirst("jurisdiction_id"));
        var id = params.getFirst("service_request_id");
        if (id == null || id.isBlank()) {
            throw new Open311Exception(400, "service_request_id is required");
        }
        var description = params.getFirst("description");
        if (description == null || description.isBlank()) {
            throw new Open311Exception(400, "description is required");
        }
        var supported = supporting.support(uuid(id.strip()), description, params.getFirst("phone"), List.of(), null);
        var update = new LinkedHashMap<String, Object>();
        update.put("update_id", supported.supportId().toString());
        return respond(fmt, "service_request_updates", "request_update", List.of(update));
    }

    private ResponseEntity<String> respond(String format, String root, String item, Object document) {
        if (format.equals("xml")) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8))
                    .body(Documents.xml(root, item, document, ITEMS));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Documents.json(json, document));
    }

    @ExceptionHandler
    ResponseEntity<String> open311(Open311Exception e, HttpServletRequest request) {
        return error(e.status(), e.getMessage(), request);
    }

    @ExceptionHandler
    ResponseEntity<String> invalid(InvalidInputException e, HttpServletRequest request) {
        var description = e.violations().stream()
                .map(Violation::field)
                .distinct()
                .map(field -> field.replace("location.lat", "lat").replace("location.lng", "long"))
                .toList();
        return error(
                400,
                String.join(
                                "; ",
                                e.violations().stream()
                                        .map(v -> v.field() + " " + v.message())
                                        .toList()) + " (" + String.join(",", description) + ")",
                request);
    }

    @ExceptionHandler
    ResponseEntity<String> notFound(NotFoundException e, HttpServletRequest request) {
        return error(404, e.getMessage(), request);
    }

    @ExceptionHandler
    ResponseEntity<String> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return error(400, e.getParameterName() + " is required", request);
    }

    @ExceptionHandler
    ResponseEntity<String> rateLimited(RateLimitedException e, HttpServletRequest request) {
        var response = error(429, e.getMessage(), request);
        return ResponseEntity.status(429)
                .headers(response.getHeaders())
                .header("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(response.getBody());
    }

    private ResponseEntity<String> error(int status, String description, HttpServletRequest request) {
        var format = request.getAttribute(FORMAT) instanceof String f ? f : "xml";
        var body = List.of(Map.of("code", status, "description", description));
        var response = respond(format, "errors", "error", body);
        return ResponseEntity.status(status).headers(response.getHeaders()).body(response.getBody());
    }

    private static String format(String format, HttpServletRequest request) {
        var fmt = format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("json") && !fmt.equals("xml")) {
            request.setAttribute(FORMAT, "xml");
            throw new Open311Exception(404, "format " + format + " is not offered; use json or xml");
        }
        request.setAttribute(FORMAT, fmt);
        return fmt;
    }

    private void jurisdiction(@Nullable String jurisdiction) {
        if (jurisdiction != null
                && !jurisdiction.isBlank()
                && !jurisdiction.strip().equals(settings.jurisdictionId())) {
            throw new Open311Exception(404, "jurisdiction_id " + jurisdiction + " not found");
        }
    }

    private boolean knownKey(@Nullable String key) {
        return key != null
                && settings.apiKeys().stream()
                        .anyMatch(known -> java.security.MessageDigest.isEqual(
                                known.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private void apiKey(@Nullable String key) {
        if (key == null || key.isBlank()) {
            throw new Open311Exception(403, "api_key is required");
        }
        if (!knownKey(key)) {
            throw new Open311Exception(403, "api_key is not valid");
        }
    }

    private List<CategoryChanged> subcategories() {
        return org.categories().stream()
                .filter(CategoryChanged::active)
                .filter(c -> c.parentCode() != null)
                .toList();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new Open311Exception(404, "service_request_id " + id + " not found");
        }
    }

    private static @Nullable Double number(@Nullable String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new Open311Exception(400, name + " is not a number");
        }
    }

    private static int integer(@Nullable String text, String name, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new Open311Exception(400, name + " is not a whole number");
        }
    }

    /** W3C dates; a {@code +} of the offset may arrive decoded as a space. */
    private static @Nullable Instant date(@Nullable String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var fixed = text.strip().replace(' ', '+');
        try {
            return OffsetDateTime.parse(fixed).toInstant();
        } catch (DateTimeParseException e) {
            throw new Open311Exception(400, name + " is not a W3C date-time such as 2026-01-15T09:30:00+08:00");
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static List<String> nonBlank(@Nullable String... values) {
        var kept = new ArrayList<String>();
        for (var value : values) {
            if (value != null && !value.isBlank()) {
                kept.add(value.strip());
            }
        }
        return kept;
    }
}
