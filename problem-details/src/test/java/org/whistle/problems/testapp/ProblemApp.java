package org.whistle.problems.testapp;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.sql.SQLException;
import java.util.List;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.problems.ConflictException;
import org.whistle.problems.ImportRejectedException;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.problems.RowError;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;

@SpringBootApplication
public class ProblemApp {

    record Body(@NotBlank String name) {}

    /** Refuses {@code /refused-by-filter} before any controller, as Spring Security's firewall does. */
    @Bean
    Filter refusingFilter() {
        return (request, response, chain) -> {
            if (((HttpServletRequest) request).getRequestURI().equals("/refused-by-filter")) {
                ((HttpServletResponse) response).sendError(400);
                return;
            }
            chain.doFilter(request, response);
        };
    }

    @RestController
    static class Failing {

        @GetMapping("/invalid")
        void invalid() {
            throw InvalidInputException.of("location.lat", "must be between -90 and 90");
        }

        @GetMapping("/invalid-by-key")
        void invalidByKey() {
            throw new InvalidInputException(List.of(
                    new Violation("units", Phrase.of("refusal.atMostItems", "max", 5)),
                    new Violation("lead", Phrase.of("refusal.required"))));
        }

        @GetMapping("/conflict-by-key")
        void conflictByKey() {
            throw new ConflictException(Phrase.of(
                    "dispatch.refusal.ticketState",
                    "action",
                    Phrase.of("dispatch.act.VERIFY_PASS"),
                    "state",
                    Phrase.of("ticket.state.RAISED")));
        }

        @GetMapping("/missing")
        void missing() {
            throw new NotFoundException("node", "230299");
        }

        @GetMapping("/conflict")
        void conflict() {
            throw new ConflictException("node 230202 already exists");
        }

        @GetMapping("/import")
        void rejectedImport() {
            throw new ImportRejectedException(List.of(new RowError("nodes.csv", 3, "parent_code", "unknown node 9")));
        }

        @GetMapping("/import-by-key")
        void rejectedImportByKey() {
            throw new ImportRejectedException(List.of(
                    new RowError("nodes.csv", 3, "parent_code", Phrase.of("refusal.required")),
                    RowError.of(
                            "nodes.csv",
                            4,
                            "name",
                            new Violation("name", Phrase.of("refusal.atMostItems", "max", 5)))));
        }

        @GetMapping("/database-down")
        void databaseDown() {
            throw new CannotCreateTransactionException(
                    "Could not open JDBC Connection", new RuntimeException("Connection to db.internal:5432 refused"));
        }

        @GetMapping("/connection-lost-on-rollback")
        void connectionLostOnRollback() {
            throw new TransactionSystemException(
                    "JDBC rollback failed",
                    new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        }

        @GetMapping("/rollback-failed-after-io-error")
        void rollbackFailedAfterAnIoError() {
            // What Hikari and Spring say when PostgreSQL is killed mid-transaction: no SQLState on the rollback.
            var e = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
            e.initApplicationException(new DataAccessResourceFailureException("An I/O error occurred"));
            throw e;
        }

        @GetMapping("/lock-not-acquired")
        void lockNotAcquired() {
            throw new CannotAcquireLockException("could not obtain lock on row in relation \"ticket\"");
        }

        @GetMapping("/rollback-failed")
        void rollbackFailed() {
            throw new TransactionSystemException("JDBC rollback failed", new SQLException("no", "XX000"));
        }

        @GetMapping("/number")
        int number(@RequestParam double lat) {
            return (int) lat;
        }

        @PostMapping("/body")
        String body(@Valid @RequestBody Body body) {
            return body.name();
        }
    }
}
