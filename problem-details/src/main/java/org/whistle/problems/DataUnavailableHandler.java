package org.whistle.problems;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A database that cannot be reached — restarting, failing over, out of connections — is a 503 with
 * {@code Retry-After}, not a 500: the request was fine and may simply be sent again, and the gateway's breaker counts
 * 503 as the service being unwell. The driver's message, which names hosts and ports, stays in the log.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DataUnavailableHandler {

    static final long RETRY_AFTER_SECONDS = 5;

    /**
     * Only failures to reach the database: a lock or serialization failure (also a "transient" data access exception)
     * is a conflict between requests, not an outage, and must not count against the service at the gateway.
     */
    @ExceptionHandler({DataAccessException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception e) throws Exception {
        if (unavailable((Throwable) e)) {
            return serviceUnavailable();
        }
        throw e;
    }

    /**
     * A commit or rollback that failed because the database went away is the same outage seen a moment later: the
     * statement before it failed for that reason (the application exception the rollback overrode), or the
     * connection broke (SQLState class 08, or 57P: the server shutting down). Any other failure stays a 500.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> transactionFailed(TransactionSystemException e) throws TransactionSystemException {
        if (unavailable(e.getApplicationException())) {
            return serviceUnavailable();
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return serviceUnavailable();
            }
        }
        throw e;
    }

    private static boolean unavailable(@Nullable Throwable e) {
        return e instanceof DataAccessResourceFailureException
                || e instanceof TransientDataAccessResourceException
                || e instanceof QueryTimeoutException
                || e instanceof CannotCreateTransactionException;
    }

    private static ResponseEntity<ProblemDetail> serviceUnavailable() {
        // Not "nothing was changed": a commit whose answer was lost may have happened. A retry is safe all the same;
        // a raise replays under its Idempotency-Key and a transition already made is refused as a conflict.
        var problem = ProblemDetailsHandler.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "service-unavailable",
                ProblemTexts.text("detail.service-unavailable", LocaleContextHolder.getLocale()));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS))
                .body(problem);
    }
}
