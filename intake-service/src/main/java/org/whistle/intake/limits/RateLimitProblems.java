package org.whistle.intake.limits;

import java.net.URI;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.whistle.texts.Catalogue;

/** Renders {@link RateLimitedException} as an RFC 9457 problem with {@code Retry-After} in seconds. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RateLimitProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
        // The caller's language (ADR 0036), as every other problem detail is worded.
        var texts = Catalogue.of(LocaleContextHolder.getLocale());
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS, e.reason().in(texts));
        problem.setType(URI.create("urn:whistle:problem:rate-limited"));
        problem.setTitle(texts.text("problem.gateway.tooManyRequests.title"));
        problem.setProperty("limitedBy", e.limitedBy());
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                .body(problem);
    }
}
