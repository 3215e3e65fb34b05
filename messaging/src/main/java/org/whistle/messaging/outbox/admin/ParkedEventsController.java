package org.whistle.messaging.outbox.admin;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.messaging.outbox.ParkedEvents;
import org.whistle.messaging.outbox.ParkedEvents.Administrator;
import org.whistle.messaging.outbox.ParkedEvents.ParkedEvent;
import org.whistle.messaging.outbox.ParkedEvents.Refusal;
import org.whistle.security.ServiceSecurityAutoConfiguration;

/**
 * {@code /admin/outbox/parked}: the events this service's relay parked, for {@code ADMINISTRATOR} only
 * ({@link ParkedEventsAdminAutoConfiguration#parkedOutboxEvents}). The list gives what and why without the payload; one event shows its payload too.
 */
@RestController
@RequestMapping(ParkedEventsController.PATH)
public class ParkedEventsController {

    public static final String PATH = "/admin/outbox/parked";

    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String PROBLEM = "urn:whistle:problem:";
    /** Bidirectional overrides and isolates make a reason read differently from what it says; controls likewise. */
    private static final Pattern UNSAFE = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069\\p{Cc}&&[^\\n\\t]]");

    private final ParkedEvents parked;

    public ParkedEventsController(ParkedEvents parked) {
        this.parked = parked;
    }

    /** A parked event without its payload. */
    public record Summary(
            long id,
            UUID eventId,
            String topic,
            String key,
            int lane,
            OffsetDateTime createdAt,
            OffsetDateTime parkedAt,
            String reason,
            String error,
            long sizeBytes,
            @Nullable String resolution,
            @Nullable String resolutionLabel,
            @Nullable OffsetDateTime resolvedAt,
            @Nullable String resolvedBy,
            @Nullable String resolvedByName,
            @Nullable String resolutionReason) {

        static Summary of(ParkedEvent event) {
            var resolution = event.resolution();
            return new Summary(
                    event.id(),
                    event.eventId(),
                    event.topic(),
                    event.key(),
                    event.lane(),
                    local(event.createdAt()),
                    local(event.parkedAt()),
                    event.reason(),
                    event.error(),
                    event.sizeBytes(),
                    resolution == null ? null : resolution.name(),
                    resolution == null
                            ? null
                            : switch (resolution) {
                                case REDRIVEN -> "已重新投递";
                                case DISCARDED -> "已放弃";
                            },
                    event.resolvedAt() == null ? null : local(event.resolvedAt()),
                    event.resolvedBy(),
                    event.resolvedByName(),
                    event.resolutionReason());
        }
    }

    /** One parked event, with the payload as it would have been published. */
    public record Detail(Summary event, String payload) {}

    /** Why an event is given up on. */
    public record DiscardRequest(@Nullable String reason) {}

    @GetMapping
    public List<Summary> list(@RequestParam(defaultValue = "false") boolean all) {
        return parked.list(all).stream().map(Summary::of).toList();
    }

    @GetMapping("/{id}")
    public Detail show(@PathVariable long id) {
        var event = parked.find(id).orElseThrow(() -> new ParkedEvents.RefusedException(new Refusal.Unknown(id)));
        return new Detail(Summary.of(event), event.payload());
    }

    @PostMapping("/{id}/redrive")
    public Summary redrive(@PathVariable long id) {
        return Summary.of(parked.redrive(id, administrator()));
    }

    @PostMapping("/{id}/discard")
    public Object discard(@PathVariable long id, @RequestBody DiscardRequest request) {
        var reason = request.reason() == null ? "" : request.reason().strip();
        String violation = null;
        if (reason.isEmpty()) {
            violation = "请填写放弃的原因";
        } else if (reason.length() > ParkedEvents.MAX_REASON_LENGTH) {
            violation = "原因最多 " + ParkedEvents.MAX_REASON_LENGTH + " 个字";
        } else if (UNSAFE.matcher(reason).find()) {
            violation = "原因不能含控制字符或文字方向控制符";
        }
        if (violation != null) {
            var problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", "输入有误", "reason：" + violation);
            problem.setProperty("errors", List.of(Map.of("field", "reason", "message", violation)));
            return problem;
        }
        return Summary.of(parked.discard(id, administrator(), reason));
    }

    @ExceptionHandler
    ProblemDetail refused(ParkedEvents.RefusedException e) {
        return switch (e.refusal()) {
            case Refusal.Unknown unknown ->
                problem(HttpStatus.NOT_FOUND, "not-found", "找不到", "没有编号为 " + unknown.id() + " 的搁置事件");
            case Refusal.AlreadyResolved resolved ->
                problem(
                        HttpStatus.CONFLICT,
                        "conflict",
                        "已经处理过",
                        "编号为 " + resolved.event().id() + " 的搁置事件已由 "
                                + nameOf(resolved.event()) + " 于 "
                                + local(java.util.Objects.requireNonNull(
                                                resolved.event().resolvedAt()))
                                        .toLocalDateTime()
                                        .toString()
                                        .replace('T', ' ')
                                + " 处理（" + Summary.of(resolved.event()).resolutionLabel() + "）");
        };
    }

    private static String nameOf(ParkedEvent event) {
        return event.resolvedByName() != null ? event.resolvedByName() : String.valueOf(event.resolvedBy());
    }

    /**
     * The security chain lets only an administrator's token through, so a caller is always there. Read from the
     * security context rather than as a {@code Caller} argument: org-registry, with its own decoder, has no resolver
     * for that argument.
     */
    private static Administrator administrator() {
        var known = ServiceSecurityAutoConfiguration.current();
        if (known == null) {
            throw new IllegalStateException("the parked-event chain admits only authenticated administrators");
        }
        return new Administrator(known.subject(), known.name());
    }

    private static OffsetDateTime local(Instant instant) {
        return instant.atZone(CITY_ZONE).toOffsetDateTime();
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PROBLEM + slug));
        problem.setTitle(title);
        return problem;
    }
}
