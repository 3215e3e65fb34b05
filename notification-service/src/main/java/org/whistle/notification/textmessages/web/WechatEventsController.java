package org.whistle.notification.textmessages.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.notification.NotificationProperties;
import org.whistle.notification.textmessages.SmsReceipts;
import org.whistle.notification.textmessages.domain.WechatEventPush;
import org.whistle.problems.NotFoundException;

/**
 * WeChat's pushes to the account's server address ({@code /api/notifications/wechat-events}, 明文模式): the address
 * check when it is configured ({@code GET}, echoing {@code echostr}) and the outcome of the messages we sent
 * ({@code POST}: {@code TEMPLATESENDJOBFINISH}, {@code subscribe_msg_sent_event}), which update the delivery log by the
 * {@code msgid} the send answer gave. Every push carries WeChat's signature over the account's event token; without
 * a token configured, with a wrong signature or a timestamp more than five minutes off, the address answers 404 as if
 * nothing were here. Other events are acknowledged and ignored; the open id in a push is read by nobody.
 */
@RestController
class WechatEventsController {

    static final String PATH = "/api/notifications/wechat-events";

    /** WeChat's pushes are a few hundred bytes. */
    static final int MAX_BODY = 64 * 1024;

    /** Further off than this a signed push is taken for a replay. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final NotificationProperties.Wechat account;
    private final SmsReceipts receipts;
    private final Clock clock;

    WechatEventsController(NotificationProperties properties, SmsReceipts receipts, Clock clock) {
        this.account = properties.wechat().account();
        this.receipts = receipts;
        this.clock = clock;
    }

    @GetMapping(value = PATH, produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> verify(
            @RequestParam(defaultValue = "") String signature,
            @RequestParam(defaultValue = "") String timestamp,
            @RequestParam(defaultValue = "") String nonce,
            @RequestParam(defaultValue = "") String echostr) {
        // The echo is WeChat's own random digits; anything else is not echoed (nothing of a caller's is reflected).
        if (!fromWechat(signature, timestamp, nonce) || !echostr.matches("[0-9A-Za-z]{1,64}")) {
            throw new NotFoundException("wechat-push-endpoint", "");
        }
        return ResponseEntity.ok(echostr);
    }

    @PostMapping(value = PATH, produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> receive(
            @RequestParam(defaultValue = "") String signature,
            @RequestParam(defaultValue = "") String timestamp,
            @RequestParam(defaultValue = "") String nonce,
            HttpServletRequest request)
            throws IOException {
        if (!fromWechat(signature, timestamp, nonce)) {
            throw new NotFoundException("wechat-push-endpoint", "");
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body("too large");
        }
        for (var outcome : WechatEventPush.outcomes(body)) {
            if (outcome.msgId().length() <= 64) {
                receipts.received("wechat:" + outcome.msgId(), outcome.delivered(), outcome.reason());
            }
        }
        // WeChat's documented acknowledgement; it pushes again (three times) without one.
        return ResponseEntity.ok("success");
    }

    private boolean fromWechat(String signature, String timestamp, String nonce) {
        var token = account.eventToken();
        if (token == null || token.isBlank() || signature.isBlank() || nonce.length() > 64) {
            return false;
        }
        Instant sent;
        try {
            sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return false;
        }
        var now = clock.instant();
        if (sent.isBefore(now.minus(CLOCK_SKEW)) || sent.isAfter(now.plus(CLOCK_SKEW))) {
            return false;
        }
        return WechatEventPush.signed(token, timestamp, nonce, signature);
    }
}
