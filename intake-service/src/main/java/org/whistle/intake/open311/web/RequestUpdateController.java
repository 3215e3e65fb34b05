package org.whistle.intake.open311.web;

import java.time.Clock;
import java.time.Duration;
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
import org.whistle.intake.open311.ApiKeys;
import org.whistle.intake.open311.Open311Exception;
import org.whistle.intake.open311.Open311Status;
import org.whistle.intake.open311.ServiceRequests;
import org.whistle.intake.raising.SupportingWhistles;
import org.whistle.texts.Phrase;

/**
 * FixMyStreet's request updates: a whistle's public timeline since a time, and updates a client posts (with an
 * {@code api_key}), keeping the client's {@code update_id} and {@code status}.
 */
@RestController
@RequestMapping(Open311Calls.BASE)
class RequestUpdateController {

    static final int UPDATE_ID_MAX_LENGTH = 64;

    private final ServiceRequests requests;
    private final SupportingWhistles supporting;
    private final ApiKeys keys;
    private final Open311Calls calls;
    private final Open311Rendering rendering;
    private final Clock clock;

    RequestUpdateController(
            ServiceRequests requests,
            SupportingWhistles supporting,
            ApiKeys keys,
            Open311Calls calls,
            Open311Rendering rendering,
            Clock clock) {
        this.requests = requests;
        this.supporting = supporting;
        this.keys = keys;
        this.calls = calls;
        this.rendering = rendering;
        this.clock = clock;
    }

    @GetMapping("/servicerequestupdates.{format}")
    ResponseEntity<String> updates(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
        var call = calls.open(format, params);
        var end = call.date("end_date");
        var start = call.date("start_date");
        var to = end == null ? clock.instant() : end;
        var from = start == null ? to.minus(Duration.ofDays(1)) : start;
        var updates = requests.updates(from, to, calls.settings().maxPageSize(), keys.known(call.text("api_key")));
        return rendering.ok(call.format(), "service_request_updates", "request_update", updates);
    }

    @PostMapping(
            path = "/servicerequestupdates.{format}",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE})
    ResponseEntity<String> update(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
        var call = calls.open(format, params);
        keys.require(call.text("api_key"));
        var id = Open311Request.id(call.required("service_request_id"));
        var description = call.required("description");
        // FixMyStreet sends the status the update sets (OPEN, CLOSED, FIXED …) and its own update_id.
        var given = call.text("status");
        var status = given == null
                ? "OPEN"
                : Open311Status.given(given)
                        .orElseThrow(() -> new Open311Exception(400, Phrase.of("intake.refusal.open311.updateStatus")));
        var clientUpdateId = call.text("update_id");
        if (clientUpdateId != null && clientUpdateId.length() > UPDATE_ID_MAX_LENGTH) {
            throw new Open311Exception(
                    400, Phrase.of("intake.refusal.open311.updateIdTooLong", "max", UPDATE_ID_MAX_LENGTH));
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
}
