package org.whistle.intake.evidence;

import java.net.URI;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.whistle.problems.Violation;
import org.whistle.texts.Catalogue;
import org.whistle.texts.Phrase;

/**
 * A multipart body the container cannot read — a file name with a NUL or another control character, a broken
 * boundary — is the client's error: 400 naming {@code evidence}, not a 500. A file name longer than the container reads
 * (Tomcat's part-header bound, 512 bytes for a part's name and type) is the same error, not a too-large body; a body
 * over the multipart limits is a 413. Each is a problem detail: Spring's own resolver answers these with an empty
 * error page (issue 17: the fuzzer's empty 413s for a 600-character file name).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadProblems {

    @ExceptionHandler
    ProblemDetail unreadable(MultipartException e) {
        // The caller's language (ADR 0036), as every other problem detail is worded.
        var texts = Catalogue.of(LocaleContextHolder.getLocale());
        if (e instanceof MaxUploadSizeExceededException && !partHeaderTooLong(e)) {
            var problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONTENT_TOO_LARGE, texts.text("intake.refusal.upload.tooLarge.detail"));
            problem.setType(URI.create("urn:whistle:problem:content-too-large"));
            problem.setTitle(texts.text("intake.refusal.upload.tooLarge.title"));
            problem.setProperty(
                    "errors",
                    List.of(new Violation("evidence", Phrase.of("intake.refusal.upload.tooLarge")).in(texts)));
            return problem;
        }
        var tooLongName = partHeaderTooLong(e);
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                texts.text(
                        tooLongName
                                ? "intake.refusal.upload.nameTooLong.detail"
                                : "intake.refusal.upload.unreadable.detail"));
        problem.setType(URI.create("urn:whistle:problem:malformed-request"));
        problem.setTitle(texts.text("problem.title.malformed-request"));
        problem.setProperty(
                "errors",
                List.of(new Violation(
                                "evidence",
                                Phrase.of(
                                        tooLongName
                                                ? "intake.refusal.upload.nameTooLong"
                                                : "intake.refusal.upload.unreadable"))
                        .in(texts)));
        return problem;
    }

    /** Tomcat's bound on a part's headers, reported as a size limit ("Header section has more than 512 bytes"). */
    private static boolean partHeaderTooLong(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().startsWith("Header section has more than")) {
                return true;
            }
        }
        return false;
    }
}
