package org.whistle.notification.webhooks.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.apidocs.paging.Page;
import org.whistle.notification.InputBounds;
import org.whistle.notification.delivery.DeliveryLog;
import org.whistle.notification.webhooks.WebhookSubscriptions;
import org.whistle.notification.webhooks.WebhookSubscriptions.Subscription;
import org.whistle.notification.webhooks.WebhookTargets;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.security.AccessRefusedException;
import org.whistle.security.Caller;
import org.whistle.security.Role;
import org.whistle.texts.Phrase;

/**
 * A unit's webhook subscriptions and their delivery history, for the unit's own accounts and administrators (who may
 * act for any unit). The secret is in the answer that creates or rotates it, and in no other: later reads say only
 * that one is set and since when. URLs are checked by {@link WebhookTargets} before they are stored.
 */
@RestController
@RequestMapping("/api/notifications/webhooks")
class WebhooksController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookSubscriptions subscriptions;
    private final WebhookTargets targets;
    private final DeliveryLog log;

    WebhooksController(WebhookSubscriptions subscriptions, WebhookTargets targets, DeliveryLog log) {
        this.subscriptions = subscriptions;
        this.targets = targets;
        this.log = log;
    }

    /**
     * A new subscription; without a secret one is generated. {@code unit} is for administrators, others subscribe
     * their own unit. Bounds: {@code name} {@value InputBounds#NAME}, {@code url} {@value InputBounds#URL},
     * {@code secret} {@value InputBounds#SECRET_MIN}–{@value InputBounds#SECRET}, {@code eventTypes} at most
     * {@value InputBounds#ITEMS} of {@value InputBounds#CODE} characters.
     */
    record Subscribe(
            @Nullable String unit,
            @Nullable String name,
            @Nullable String url,
            @Nullable String secret,
            @Nullable List<String> eventTypes) {}

    /** A new secret; without one, one is generated. */
    record Rotate(@Nullable String secret) {}

    /** Whether a secret is set and since when; {@code value} only in the answer that set it. */
    record Secret(
            boolean set,
            Instant rotatedAt,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String value) {}

    /** A subscription as its unit and administrators see it. */
    record View(
            UUID id,
            String unit,
            String name,
            String url,
            Secret secret,
            List<String> eventTypes,
            boolean active,
            int consecutiveFailures,
            @Nullable String disabledReason,
            Instant createdAt) {

        static View of(Subscription subscription, boolean showSecret) {
            return new View(
                    subscription.id(),
                    subscription.unit(),
                    subscription.name(),
                    subscription.url(),
                    new Secret(true, subscription.secretRotatedAt(), showSecret ? subscription.secret() : null),
                    subscription.eventTypes(),
                    subscription.active(),
                    subscription.consecutiveFailures(),
                    subscription.disabledReason(),
                    subscription.createdAt());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    View subscribe(Caller caller, @RequestBody Subscribe request) {
        var unit = request.unit() != null && caller.has(Role.ADMINISTRATOR) ? request.unit() : caller.unit();
        if (unit == null) {
            throw InvalidInputException.of("unit", Phrase.of("notification.refusal.noUnit"));
        }
        InputBounds.name("unit", unit, InputBounds.CODE);
        var name = InputBounds.name("name", request.name(), InputBounds.NAME);
        var eventTypes = InputBounds.items("eventTypes", request.eventTypes(), InputBounds.CODE);
        var url = InputBounds.text("url", request.url(), InputBounds.URL);
        if (url == null || url.isBlank()) {
            throw InvalidInputException.of("url", Phrase.of("refusal.required"));
        }
        try {
            targets.check(url);
        } catch (WebhookTargets.Refused e) {
            throw InvalidInputException.of("url", e.reason());
        }
        var secret = secret(request.secret());
        return View.of(
                subscriptions.add(
                        unit, name == null ? "" : name, url, secret, eventTypes == null ? List.of() : eventTypes),
                true);
    }

    @GetMapping
    List<View> list(Caller caller) {
        var visible = caller.has(Role.ADMINISTRATOR)
                ? subscriptions.all()
                : caller.unit() == null ? List.<Subscription>of() : subscriptions.ofUnit(caller.unit());
        return visible.stream()
                .map(subscription -> View.of(subscription, false))
                .toList();
    }

    /** Replaces the secret and shows the new one, this once. */
    @PostMapping("/{id}/secret")
    View rotate(Caller caller, @PathVariable UUID id, @RequestBody(required = false) @Nullable Rotate request) {
        visible(caller, id);
        return View.of(subscriptions.rotate(id, secret(request == null ? null : request.secret())), true);
    }

    @PostMapping("/{id}/enable")
    View enable(Caller caller, @PathVariable UUID id) {
        visible(caller, id);
        subscriptions.enable(id);
        return View.of(subscriptions.find(id).orElseThrow(), false);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Caller caller, @PathVariable UUID id) {
        visible(caller, id);
        subscriptions.remove(id);
    }

    /** The subscription's delivery history, newest first, a page at a time. */
    @GetMapping("/{id}/deliveries")
    @Operation(
            summary = "A subscription's deliveries, newest first, a page at a time: pass a page's `after` to read the"
                    + " next one (its `next` link); `size` 1–200, 50 unless given")
    Page<DeliveryLog.Entry> deliveries(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Long after,
            @RequestParam(required = false) @Nullable Integer size,
            HttpServletRequest request) {
        visible(caller, id);
        int pageSize = InputBounds.pageSize(size, 50);
        return Page.of(log.toTarget(id.toString(), after, pageSize + 1), pageSize, entry -> Long.toString(entry.id()))
                .linked(request.getRequestURI(), request.getQueryString());
    }

    private Subscription visible(Caller caller, UUID id) {
        var subscription =
                subscriptions.find(id).orElseThrow(() -> new NotFoundException("webhook subscription", id.toString()));
        if (!caller.has(Role.ADMINISTRATOR) && !subscription.unit().equals(caller.unit())) {
            throw new AccessRefusedException(Phrase.of("notification.refusal.webhook.otherUnit"));
        }
        return subscription;
    }

    private static String secret(@Nullable String requested) {
        if (requested == null || requested.isBlank()) {
            return newSecret();
        }
        InputBounds.name("secret", requested, InputBounds.SECRET);
        if (requested.length() < InputBounds.SECRET_MIN) {
            throw InvalidInputException.of(
                    "secret", Phrase.of("notification.refusal.webhook.secretTooShort", "min", InputBounds.SECRET_MIN));
        }
        return requested;
    }

    private static String newSecret() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
