package org.whistle.problems;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.whistle.texts.Catalogue;

/**
 * Renders every error a servlet service answers with as an RFC 9457 problem detail, titled in the caller's language
 * ({@link CallerLanguage}: Chinese unless {@code Accept-Language} prefers English); a detail that is a service's own
 * reason is that service's words. Field-level problems carry an
 * {@code errors} array of {@code {field, message}} so clients can point at the input; bulk imports carry
 * {@code rows}.
 */
@RestControllerAdvice
public class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

    static final String TYPE_PREFIX = "urn:whistle:problem:";

    public ProblemDetailsHandler() {
        super.setMessageSource(ProblemTexts.messageSource());
    }

    /** Spring MVC's own errors take their words from ours first, in the caller's language ({@link CallerLanguage}). */
    @Override
    public void setMessageSource(MessageSource messageSource) {
        super.setMessageSource(ProblemTexts.withParent(messageSource));
    }

    @ExceptionHandler
    ProblemDetail invalidInput(InvalidInputException e) {
        var catalogue = Catalogue.of(LocaleContextHolder.getLocale());
        var violations = e.violations().stream()
                .map(violation -> violation.in(catalogue))
                .toList();
        var problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", summary(violations, ""));
        problem.setProperty("errors", violations);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        var locale = LocaleContextHolder.getLocale();
        var problem = problem(
                HttpStatus.NOT_FOUND,
                "not-found",
                // The kind by its name, not the id the caller sent (a number or code means nothing to a reader); the
                // id stays in its own field for programs.
                ProblemTexts.text("detail.not-found", locale, Map.of("resource", ProblemTexts.resource(e.kind()))));
        problem.setProperties(Map.of("resource", e.kind(), "id", e.id()));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", e.reason(Catalogue.of(LocaleContextHolder.getLocale())));
    }

    @ExceptionHandler
    ProblemDetail importRejected(ImportRejectedException e) {
        var catalogue = Catalogue.of(LocaleContextHolder.getLocale());
        var problem = problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "import-rejected",
                ProblemTexts.text(
                        "detail.import-rejected",
                        LocaleContextHolder.getLocale(),
                        Map.of("rows", e.rows().size())));
        problem.setProperty(
                "rows", e.rows().stream().map(row -> row.in(catalogue)).toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        var problem = problem(
                HttpStatus.BAD_REQUEST,
                "malformed-request",
                ProblemTexts.text(
                        "detail.type-mismatch",
                        LocaleContextHolder.getLocale(),
                        Map.of("parameter", e.getName(), "value", String.valueOf(e.getValue()))));
        problem.setProperty(
                "errors",
                List.of(new Violation(
                        e.getName(), ProblemTexts.text("violation.wrong-type", LocaleContextHolder.getLocale()))));
        return problem;
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var violations = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsHandler::violation)
                .toList();
        var problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", summary(violations, e.getMessage()));
        problem.setProperty("errors", violations);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var violations = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new Violation(
                                result.getMethodParameter().getParameterName() == null
                                        ? "?"
                                        : result.getMethodParameter().getParameterName(),
                                String.valueOf(error.getDefaultMessage()))))
                .toList();
        var problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", summary(violations, e.getMessage()));
        problem.setProperty("errors", violations);
        return ResponseEntity.badRequest().body(problem);
    }

    private static Violation violation(FieldError error) {
        return new Violation(error.getField(), String.valueOf(error.getDefaultMessage()));
    }

    private static String summary(List<Violation> violations, String fallback) {
        return violations.isEmpty()
                ? fallback
                : violations.stream()
                        .map(v -> v.field().isEmpty() ? v.message() : v.field() + ": " + v.message())
                        .reduce((a, b) -> a + "; " + b)
                        .orElseThrow();
    }

    /** A problem of one of our types, titled in the caller's language. */
    static ProblemDetail problem(HttpStatus status, String slug, @Nullable String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(ProblemTexts.title(slug, LocaleContextHolder.getLocale()));
        return problem;
    }
}
