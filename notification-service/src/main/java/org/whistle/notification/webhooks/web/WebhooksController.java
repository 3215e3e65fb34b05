package org.whistle.notification.webhooks.web;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.notification.delivery.DeliveryLog;
import org.whistle.notification.webhooks.WebhookSubscriptions;
import org.whistle.notification.webhooks.WebhookSubscriptions.Subscription;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;
import org.whistle.security.Role;

/**
 * A unit's webhook subscriptions and their delivery history, for the unit's own accounts and administrators (who may
 * act for any unit).
 */
@RestController
@RequestMapping("/api/notifications/webhooks")
class WebhooksController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookSubscriptions subscriptions;
    private final DeliveryLog log;

    WebhooksController(WebhookSubscriptions subscriptions, DeliveryLog log) {
        this.subscriptions = subscriptions;
        this.log = log;
    }

    /**
     * A new subscription; without a secret one is generated. {@code unit} is for administrators, others subscribe
     * their own unit.
     */
    record Subscribe(
            @Nullable String unit,
            @Nullable String url,
            @Nullable String secret,
            @Nullable List<String> eventTypes) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Subscription subscribe(Caller caller, @RequestBody Subscribe request) {
        var unit = request.unit() != null && caller.has(Role.ADMINISTRATOR) ? request.unit() : caller.unit();
        if (unit == null) {
            throw InvalidInputException.of("unit", "the caller acts for no unit");
        }
        if (request.url() == null || !isHttp(request.url())) {
            throw InvalidInputException.of("url", "an absolute http(s) URL");
        }
        var secret = request.secret() == null || request.secret().isBlank() ? newSecret() : request.secret();
        if (secret.length() < 16) {
            throw InvalidInputException.of("secret", "at least 16 characters");
        }
        return subscriptions.add(
                unit, request.url(), secret, request.eventTypes() == null ? List.of() : request.eventTypes());
    }

    @GetMapping
    List<Subscription> list(Caller caller) {
        if (caller.has(Role.ADMINISTRATOR)) {
            return subscriptions.all();
        }
        return caller.unit() == null ? List.of() : subscriptions.ofUnit(caller.unit());
    }

    @PostMapping("/{id}/enable")
    Subscription enable(Caller caller, @PathVariable UUID id) {
        visible(caller, id);
        subscriptions.enable(id);
        return subscriptions.find(id).orElseThrow();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Caller caller, @PathVariable UUID id) {
        visible(caller, id);
        subscriptions.remove(id);
    }

    /** The subscription's delivery history, newest first. */
    @GetMapping("/{id}/deliveries")
    List<DeliveryLog.Entry> deliveries(Caller caller, @PathVariable UUID id) {
        visible(caller, id);
        return log.toTarget(id.toString(), 100);
    }

    private Subscription visible(Caller caller, UUID id) {
        var subscription =
                subscriptions.find(id).orElseThrow(() -> new NotFoundException("webhook subscription", id.toString()));
        if (!caller.has(Role.ADMINISTRATOR) && !subscription.unit().equals(caller.unit())) {
            throw new AccessDeniedException("the subscription belongs to another unit");
        }
        return subscription;
    }

    private static boolean isHttp(String url) {
        try {
            var uri = URI.create(url);
            return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String newSecret() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
