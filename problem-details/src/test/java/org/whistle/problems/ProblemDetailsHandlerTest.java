package org.whistle.problems;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.TransactionSystemException;
import org.whistle.problems.testapp.ProblemApp;

@SpringBootTest(classes = ProblemApp.class)
@AutoConfigureMockMvc
class ProblemDetailsHandlerTest {

    @Autowired
    private MockMvcTester mvc;

    @Test
    void rendersInvalidInputAs422NamingTheField() {
        var result = mvc.get().uri("/invalid").exchange();

        assertProblem(result, 422, "urn:whistle:problem:invalid-input");
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("location.lat");
        assertThat(result).bodyJson().extractingPath("$.errors[0].message").isEqualTo("must be between -90 and 90");
    }

    @Test
    void rendersNotFoundAs404NamingTheResource() {
        var result = mvc.get().uri("/missing").exchange();

        assertProblem(result, 404, "urn:whistle:problem:not-found");
        assertThat(result).bodyJson().extractingPath("$.id").isEqualTo("230299");
    }

    @Test
    void rendersConflictAs409WithTheStateInTheDetail() {
        var result = mvc.get().uri("/conflict").exchange();

        assertProblem(result, 409, "urn:whistle:problem:conflict");
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("node 230202 already exists");
    }

    @Test
    void rendersARejectedImportWithEveryRow() {
        var result = mvc.get().uri("/import").exchange();

        assertProblem(result, 422, "urn:whistle:problem:import-rejected");
        assertThat(result).bodyJson().extractingPath("$.rows[0].row").isEqualTo(3);
        assertThat(result).bodyJson().extractingPath("$.rows[0].column").isEqualTo("parent_code");
    }

    @Test
    void answersADatabaseThatCannotBeReachedAs503WithoutTheDriversMessage() {
        var result = mvc.get().uri("/database-down").exchange();

        assertProblem(result, 503, "urn:whistle:problem:service-unavailable");
        assertThat(result).hasHeader("Retry-After", "5");
        assertThat(result).bodyText().doesNotContain("db.internal").doesNotContain("JDBC");
    }

    @Test
    void leavesALockFailureToTheServiceRatherThanCallingItAnOutage() {
        assertThat(mvc.get().uri("/lock-not-acquired").exchange())
                .failure()
                .hasCauseInstanceOf(CannotAcquireLockException.class);
    }

    @Test
    void answersAConnectionLostDuringTheTransactionAs503AndAnyOtherTransactionFailureAs500() {
        assertProblem(
                mvc.get().uri("/connection-lost-on-rollback").exchange(),
                503,
                "urn:whistle:problem:service-unavailable");
        assertProblem(
                mvc.get().uri("/rollback-failed-after-io-error").exchange(),
                503,
                "urn:whistle:problem:service-unavailable");

        assertThat(mvc.get().uri("/rollback-failed").exchange())
                .failure()
                .hasCauseInstanceOf(TransactionSystemException.class);
    }

    @Test
    void namesAParameterOfTheWrongType() {
        var result = mvc.get().uri("/number?lat=north").exchange();

        assertProblem(result, 400, "urn:whistle:problem:malformed-request");
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("lat");
    }

    @Test
    void namesEveryInvalidFieldOfABody() {
        var result = mvc.post()
                .uri("/body")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\" \"}")
                .exchange();

        assertProblem(result, 400, "urn:whistle:problem:invalid-request");
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void answersUnreadableJsonWithAProblemDetail() {
        var result = mvc.post()
                .uri("/body")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":")
                .exchange();

        assertThat(result).hasStatus(400);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
    }

    private static void assertProblem(MvcTestResult result, int status, String type) {
        assertThat(result).hasStatus(status);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(type);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status);
    }
}
