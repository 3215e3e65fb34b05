package org.whistle.dispatch.access.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.whistle.dispatch.access.AccessRefusedException;

/** A refused authorisation as an RFC 9457 problem (403); the refusal was logged where it was decided. */
@RestControllerAdvice
class AccessProblems {

    @ExceptionHandler
    ProblemDetail refused(AccessRefusedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Forbidden");
        problem.setType(java.net.URI.create("urn:whistle:problem:forbidden"));
        return problem;
    }
}
