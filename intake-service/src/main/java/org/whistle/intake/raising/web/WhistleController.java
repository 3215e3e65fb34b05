package org.whistle.intake.raising.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.whistle.intake.evidence.Upload;
import org.whistle.intake.limits.RateLimits;
import org.whistle.intake.raising.IdempotentRequests;
import org.whistle.intake.raising.RaisingWhistles;
import org.whistle.intake.raising.SupportingWhistles;
import org.whistle.intake.raising.domain.PublicStatus;
import org.whistle.intake.raising.domain.Whistle;
import org.whistle.messaging.tracing.EventTracing;
import org.whistle.orgreference.domain.geography.ChinaCoordinates;
import org.whistle.orgreference.domain.geography.CoordinateSystem;
import org.whistle.problems.InvalidInputException;
import org.whistle.security.Caller;
import org.whistle.texts.Phrase;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/whistles} from every channel, duplicate suggestions, and supporting reports. */
@RestController
@RequestMapping("/api/whistles")
class WhistleController {

    private final RaisingWhistles raising;
    private final SupportingWhistles supporting;
    private final IdempotentRequests idempotency;
    private final RateLimits limits;
    private final JsonMapper json;
    private final EventTracing tracing;

    WhistleController(
            RaisingWhistles raising,
            SupportingWhistles supporting,
            IdempotentRequests idempotency,
            RateLimits limits,
            JsonMapper json,
            EventTracing tracing) {
        this.raising = raising;
        this.tracing = tracing;
        this.supporting = supporting;
        this.idempotency = idempotency;
        this.limits = limits;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> raise(
            @RequestBody RaiseWhistleRequest body,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
            @RequestHeader(name = RateLimits.DEVICE_HEADER, required = false) @Nullable String device,
            @Nullable Caller caller,
            HttpServletRequest request) {
        return raise(body, List.of(), key, device, caller, request);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<String> raiseWithEvidence(
            @RequestPart(name = "whistle", required = false) @Nullable RaiseWhistleRequest part,
            @RequestParam MultiValueMap<String, String> form,
            @RequestPart(name = "evidence", required = false) @Nullable List<MultipartFile> files,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
            @RequestHeader(name = RateLimits.DEVICE_HEADER, required = false) @Nullable String device,
            @Nullable Caller caller,
            HttpServletRequest request) {
        var body = part != null ? part : RaiseWhistleRequest.fromForm(form);
        var uploads = files == null
                ? List.<Upload>of()
                : files.stream()
                        .filter(f -> !f.isEmpty() || f.getOriginalFilename() != null)
                        .map(Upload::of)
                        .toList();
        return raise(body, uploads, key, device, caller, request);
    }

    private ResponseEntity<String> raise(
            RaiseWhistleRequest body,
            List<Upload> uploads,
            @Nullable String key,
            @Nullable String device,
            @Nullable Caller caller,
            HttpServletRequest request) {
        var command = body.toCommand();
        if (caller == null) {
            limits.takeAnonymous(command.phone(), device, request.getRemoteAddr());
        }
        var hash = hash(json.writeValueAsString(command), caller == null ? "" : caller.subject(), uploads);
        var answer = idempotency.once(key, hash, () -> {
            var traceId = tracing.currentTraceId();
            var openId = caller == null ? null : WechatOpenIds.ofCurrentToken();
            var whistle = (openId == null
                            ? raising.raise(command, uploads, caller, traceId)
                            : raising.raise(command, uploads, caller, openId, traceId))
                    .whistle();
            var location = URI.create("/api/whistles/" + whistle.id());
            return new IdempotentRequests.Response(
                    HttpStatus.CREATED.value(), location, json.writeValueAsString(view(whistle, location)));
        });
        return withTrackingCode(answer);
    }

    /**
     * The answer as stored for retries holds no tracking code (the database keeps only its hash); the code is added
     * on the way out, to the one who raised the whistle — first answer and replay alike.
     */
    private ResponseEntity<String> withTrackingCode(ResponseEntity<String> answer) {
        if (answer.getStatusCode().value() != HttpStatus.CREATED.value() || answer.getBody() == null) {
            return answer;
        }
        var body = (tools.jackson.databind.node.ObjectNode) json.readTree(answer.getBody());
        var code = raising.trackingCode(
                UUID.fromString(body.get("id").asString()),
                java.time.Instant.parse(body.get("raisedAt").asString()));
        if (code.isEmpty()) {
            return answer;
        }
        var shown = json.createObjectNode();
        shown.put("id", body.get("id").asString());
        shown.put("trackingCode", code.get());
        shown.setAll(body);
        return ResponseEntity.status(answer.getStatusCode())
                .headers(answer.getHeaders())
                .body(json.writeValueAsString(shown));
    }

    /** The reporter's answer, from the whistle as raised (stored for retries without the tracking code). */
    private static Map<String, Object> view(Whistle raised, URI location) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", raised.id().toString());
        view.put("status", PublicStatus.RAISED.name());
        view.put("statusLabel", PublicStatus.RAISED.label());
        view.put("category", raised.categoryCode());
        view.put("grid", raised.grid());
        view.put("street", raised.street());
        view.put("fallbackOwner", raised.fallbackOwner());
        view.put("location", raised.point());
        view.put("evidence", raised.evidence());
        view.put("raisedAt", raised.raisedAt().toString());
        view.put("statusUrl", location.toString());
        // Where the reporter follows it with the code and the phone (as headers, so neither lands in a URL log).
        view.put("trackUrl", "/api/whistles/track");
        return view;
    }

    @GetMapping("/nearby")
    Map<String, Object> nearby(
            @RequestParam double lat,
            @RequestParam double lng,
            @RequestParam(required = false) @Nullable String crs,
            @RequestParam String category,
            @RequestParam(required = false) @Nullable Integer radius) {
        CoordinateSystem system;
        try {
            system = crs == null || crs.isBlank() ? CoordinateSystem.WGS84 : CoordinateSystem.parse(crs);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(
                    "crs", Phrase.of("refusal.oneOf", "choices", Phrase.names("crs", CoordinateSystem.class)));
        }
        if (!(lat >= -90 && lat <= 90) || !(lng >= -180 && lng <= 180)) {
            throw lat >= -90 && lat <= 90
                    ? InvalidInputException.of("lng", Phrase.of("intake.refusal.longitude"))
                    : InvalidInputException.of("lat", Phrase.of("intake.refusal.latitude"));
        }
        var found = supporting.near(ChinaCoordinates.toWgs84(lat, lng, system), category.strip(), radius);
        return Map.of("whistles", found);
    }

    /** A supporting report, as JSON or multipart. */
    record SupportRequest(@Nullable String note, @Nullable String phone) {}

    @PostMapping(path = "/{id}/supports", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SupportingWhistles.Supported> support(
            @PathVariable String id,
            @RequestBody SupportRequest body,
            @RequestHeader(name = RateLimits.DEVICE_HEADER, required = false) @Nullable String device,
            @Nullable Caller caller,
            HttpServletRequest request) {
        return support(id, body.note(), body.phone(), List.of(), device, caller, request);
    }

    @PostMapping(path = "/{id}/supports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<SupportingWhistles.Supported> supportWithEvidence(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable String phone,
            @RequestPart(name = "evidence", required = false) @Nullable List<MultipartFile> files,
            @RequestHeader(name = RateLimits.DEVICE_HEADER, required = false) @Nullable String device,
            @Nullable Caller caller,
            HttpServletRequest request) {
        var uploads = files == null
                ? List.<Upload>of()
                : files.stream().map(Upload::of).toList();
        return support(id, note, phone, uploads, device, caller, request);
    }

    private ResponseEntity<SupportingWhistles.Supported> support(
            String id,
            @Nullable String note,
            @Nullable String phone,
            List<Upload> uploads,
            @Nullable String device,
            @Nullable Caller caller,
            HttpServletRequest request) {
        var whistleId = WhistleIds.parse(id);
        if (caller == null) {
            limits.takeAnonymous(phone, device, request.getRemoteAddr());
        }
        var supported = supporting.support(whistleId, note, phone, uploads, caller);
        return ResponseEntity.created(URI.create("/api/whistles/" + whistleId)).body(supported);
    }

    /** Identifies a request for idempotency: its fields, who sent it, and each file's bytes. */
    private static String hash(String fields, String caller, List<Upload> uploads) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(fields.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(caller.getBytes(StandardCharsets.UTF_8));
            var buffer = new byte[64 * 1024];
            for (var upload : new ArrayList<>(uploads)) {
                digest.update((byte) 0);
                digest.update(String.valueOf(upload.originalName()).getBytes(StandardCharsets.UTF_8));
                try (var in = upload.content().open()) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an uploaded file", e);
        }
    }

    /** Whistle ids in paths; anything that is not one is a whistle that does not exist. */
    static final class WhistleIds {
        private WhistleIds() {}

        static UUID parse(String id) {
            try {
                return UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                throw new org.whistle.problems.NotFoundException("whistle", id);
            }
        }
    }
}
