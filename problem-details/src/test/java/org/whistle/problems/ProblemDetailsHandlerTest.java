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
    void wordsARefusalGivenByKeyInTheCallersLanguageNamingEveryField() {
        var chinese = mvc.get().uri("/invalid-by-key").exchange();
        var english =
                mvc.get().uri("/invalid-by-key").header("Accept-Language", "en").exchange();

        assertProblem(chinese, 422, "urn:whistle:problem:invalid-input");
        assertThat(chinese).bodyJson().extractingPath("$.errors[0].field").isEqualTo("units");
        assertThat(chinese).bodyJson().extractingPath("$.errors[0].message").isEqualTo("最多 5 项");
        assertThat(chinese).bodyJson().extractingPath("$.errors[1].message").isEqualTo("必须填写");
        assertThat(chinese).bodyJson().extractingPath("$.detail").isEqualTo("units: 最多 5 项; lead: 必须填写");
        assertThat(english).bodyJson().extractingPath("$.title").isEqualTo("Invalid input");
        assertThat(english).bodyJson().extractingPath("$.errors[0].message").isEqualTo("at most 5 items");
        assertThat(english)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("units: at most 5 items; lead: is required");
        // The key and its parameters are for the answer's wording, not part of the answer.
        assertThat(chinese).bodyText().doesNotContain("refusal.").doesNotContain("reason");
    }

    @Test
    void wordsAConflictGivenByKeyInTheCallersLanguageWithItsEnumsByName() {
        var chinese = mvc.get().uri("/conflict-by-key").exchange();
        var english = mvc.get()
                .uri("/conflict-by-key")
                .header("Accept-Language", "en")
                .exchange();

        assertProblem(chinese, 409, "urn:whistle:problem:conflict");
        assertThat(chinese).bodyJson().extractingPath("$.detail").isEqualTo("工单待受理，不能核查通过");
        assertThat(english)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("cannot pass verification: the ticket is raised");
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
    void wordsARejectedRowGivenByKeyInTheCallersLanguage() {
        var chinese = mvc.get().uri("/import-by-key").exchange();
        var english =
                mvc.get().uri("/import-by-key").header("Accept-Language", "en").exchange();

        assertProblem(chinese, 422, "urn:whistle:problem:import-rejected");
        assertThat(chinese).bodyJson().extractingPath("$.rows[0].message").isEqualTo("必须填写");
        assertThat(chinese).bodyJson().extractingPath("$.rows[1].message").isEqualTo("最多 5 项");
        assertThat(english).bodyJson().extractingPath("$.rows[0].message").isEqualTo("is required");
        assertThat(english).bodyJson().extractingPath("$.rows[1].message").isEqualTo("at most 5 items");
        assertThat(english).bodyJson().extractingPath("$.rows[1].column").isEqualTo("name");
        assertThat(chinese).bodyText().doesNotContain("refusal.").doesNotContain("reason");
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

    @Test
    void titlesAndExplainsInChineseByDefault() {
        var result = mvc.get().uri("/missing").exchange();

        assertProblem(result, 404, "urn:whistle:problem:not-found");
        assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("未找到");
        assertThat(result).bodyJson().extractingPath("$.detail").asString().isEqualTo("找不到该组织节点，或您无权查看。");
        assertThat(result).bodyJson().extractingPath("$.id").isEqualTo("230299");
    }

    @Test
    void titlesAndExplainsInEnglishWhenTheCallerPrefersIt() {
        var result = mvc.get()
                .uri("/missing")
                .header("Accept-Language", "en-US,en;q=0.9,zh-CN;q=0.5")
                .exchange();

        assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Not found");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("The organisation node was not found, or is not visible to you.");
    }

    @Test
    void givesValidationMessagesInTheCallersLanguage() {
        var chinese = mvc.post()
                .uri("/body")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\" \"}")
                .exchange();
        var english = mvc.post()
                .uri("/body")
                .header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\" \"}")
                .exchange();

        assertThat(chinese).bodyJson().extractingPath("$.title").isEqualTo("请求有误");
        assertThat(chinese)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .containsPattern("\\p{IsHan}");
        assertThat(english).bodyJson().extractingPath("$.title").isEqualTo("Invalid request");
        assertThat(english).bodyJson().extractingPath("$.errors[0].message").isEqualTo("must not be blank");
    }

    @Test
    void titlesSpringsOwnErrorsInTheCallersLanguage() {
        var chinese = mvc.delete().uri("/missing").exchange();
        var english =
                mvc.delete().uri("/missing").header("Accept-Language", "en").exchange();

        assertThat(chinese).hasStatus(405);
        assertThat(chinese).bodyJson().extractingPath("$.title").isEqualTo("不支持该请求方式");
        assertThat(chinese).bodyJson().extractingPath("$.detail").isEqualTo("此地址不接受 DELETE 请求。");
        assertThat(english).bodyJson().extractingPath("$.title").isEqualTo("Method not allowed");
    }

    @Test
    void answersAnUnreachableDatabaseInTheCallersLanguage() {
        assertThat(mvc.get().uri("/database-down").exchange())
                .bodyJson()
                .extractingPath("$.title")
                .isEqualTo("服务暂不可用");
        assertThat(mvc.get()
                        .uri("/database-down")
                        .header("Accept-Language", "en")
                        .exchange())
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("The service's database cannot be reached at the moment. Please try again shortly.");
    }

    private static void assertProblem(MvcTestResult result, int status, String type) {
        assertThat(result).hasStatus(status);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(type);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status);
    }
}
