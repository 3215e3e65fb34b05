package org.whistle.notification.live.web;

import java.net.URI;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.whistle.notification.live.TooManyStreamsException;
import org.whistle.texts.Catalogue;

/** The streams' own refusals, in the caller's language. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StreamProblems {

    /** One whistle stream too many: a 429 naming how many may be open at once. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooMany(TooManyStreamsException e) {
        var texts = Catalogue.of(LocaleContextHolder.getLocale());
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS,
                texts.text("notification.refusal.stream.tooMany", Map.of("allowed", e.allowed())));
        problem.setType(URI.create("urn:whistle:problem:rate-limited"));
        problem.setTitle(texts.text("problem.gateway.tooManyRequests.title"));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).body(problem);
    }

    /**
     * A stream ticket that is expired, forged or another whistle's: 403, not the 401 that asks to sign in — an
     * anonymous reporter renews it by looking the whistle up again, which the page does.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> ticketRefused(TicketRefusedException e) {
        var texts = Catalogue.of(LocaleContextHolder.getLocale());
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN, texts.text("notification.refusal.stream.ticket"));
        problem.setType(URI.create("urn:whistle:problem:forbidden"));
        problem.setTitle(texts.text("problem.security.forbidden.title"));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    /** The ticket does not open this whistle's stream now. */
    static class TicketRefusedException extends RuntimeException {
        TicketRefusedException() {
            super("the stream ticket is expired, forged or another whistle's");
        }
    }
}
