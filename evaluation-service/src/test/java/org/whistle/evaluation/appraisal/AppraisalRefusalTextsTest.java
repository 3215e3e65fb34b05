package org.whistle.evaluation.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.whistle.evaluation.EvaluationServiceTest;
import org.whistle.texts.Catalogue;
import org.whistle.texts.Phrase;
import org.whistle.texts.PlainText;

/**
 * The refusals of the appraisals, indicator sets, secretaries, ratings, rule sets and periods that used to be sentences
 * built at the throw site in Chinese from labels and exception messages (issue 20): each now comes from the catalogue,
 * plain Chinese by default and English when asked (ADR 0043). A new class beside {@code RefusalTextsTest}, which another
 * change reshapes.
 */
class AppraisalRefusalTextsTest extends EvaluationServiceTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Autowired
    private AppraisalSeed seed;

    private String secretary = "";

    /** {status, method, path, token, json or null, a word the Chinese text must hold}. */
    private record Refusal(
            int status,
            String method,
            String path,
            String token,
            @Nullable String json,
            String zh) {}

    @BeforeEach
    void aSecretaryOfK1() throws Exception {
        seed.seed(Path.of("..", "demo", "evaluation", "secretary-appraisal-2026.json"));
        var added = send(
                "POST",
                "/api/evaluation/secretaries",
                administrator(),
                "{\"community\": \"K1\", \"name\": \"文案" + System.nanoTime() % 100_000
                        + "\", \"tookOffice\": \"2022-01-01\", \"stars\": 3}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        secretary = "/api/evaluation/secretaries/" + json(added).get("id").asString();
    }

    private List<Refusal> refusals() {
        var admin = administrator();
        var street = token("s1-texts", List.of("STREET_DISPATCHER"), List.of("S1"), STREET_CENTRE);
        var weights = "\"kind\": \"DEPARTMENT\", \"effectiveFrom\": \"2031-01-01\", \"handling\": 10,"
                + " \"onTimeHandling\": 10, \"rework\": 10, \"overduePending\": 10, \"caseShare\": 0.5,"
                + " \"otherShare\": 0.5, \"reason\": \"文案测试\"";
        var refusals = new ArrayList<Refusal>();
        refusals.add(new Refusal(
                422,
                "POST",
                "/api/evaluation/appraisals/weights",
                admin,
                "{" + weights + ", \"extension\": 10}",
                "之和须为 100"));
        refusals.add(
                new Refusal(422, "POST", "/api/evaluation/appraisals/weights", admin, "{" + weights + "}", "每项权重"));
        refusals.add(new Refusal(
                422, "GET", "/api/evaluation/appraisals/departments?area=S1&period=2026-13", admin, null, "没有这个月份"));
        refusals.add(new Refusal(
                422,
                "GET",
                "/api/evaluation/appraisals/departments?area=S1&from=2026-03-02&to=2026-03-01",
                admin,
                null,
                "结束日期"));
        refusals.add(new Refusal(422, "POST", "/api/evaluation/indicator-sets", admin, "{}", "指标体系须有编号"));
        refusals.add(new Refusal(
                422,
                "POST",
                "/api/evaluation/indicator-sets",
                admin,
                "{\"id\": \"texts-1\", \"year\": 2031, \"level\": \"TEXTS\", \"name\": \"文案\","
                        + " \"stars\": [{\"min\": 0, \"stars\": 1}], \"indicators\": ["
                        + "{\"code\": \"G01\", \"group\": \"一般\", \"name\": \"甲\", \"kind\": \"MANUAL\", \"points\": 50},"
                        + "{\"code\": \"G01\", \"group\": \"一般\", \"name\": \"乙\", \"kind\": \"MANUAL\", \"points\": 50}]}",
                "指标编号不能重复"));
        refusals.add(new Refusal(
                422,
                "POST",
                "/api/evaluation/rule-sets",
                admin,
                "{\"effectiveFrom\": \"2031-01-01\", \"weights\": [{\"rate\": \"HANDLING\", \"weight\": 50}],"
                        + " \"reason\": \"文案测试\"}",
                "权重合计须为 100"));
        refusals.add(new Refusal(
                422,
                "POST",
                "/api/evaluation/rule-sets",
                admin,
                "{\"effectiveFrom\": \"2031-01-01\", \"weights\": [{\"rate\": \"NO_SUCH_RATE\", \"weight\": 100}],"
                        + " \"reason\": \"文案测试\"}",
                "没有这项指标"));
        refusals.add(new Refusal(
                422,
                "GET",
                "/api/evaluation/figures/cases?object=S1&period=2025-05&measure=NO_SUCH",
                admin,
                null,
                "没有这项统计"));
        refusals.add(new Refusal(422, "POST", "/api/evaluation/periods/2999-01/close", admin, null, "尚未结束"));
        refusals.add(new Refusal(
                422,
                "POST",
                secretary + "/scores",
                street,
                "{\"period\": \"2026-Q1\", \"indicator\": \"C4\", \"evidence\": \"依据\"}",
                "由案件数据自动计分"));
        refusals.add(new Refusal(
                422,
                "POST",
                secretary + "/scores",
                street,
                "{\"period\": \"2026-Q1\", \"indicator\": \"G01\", \"points\": 999, \"evidence\": \"依据\"}",
                "的得分须在 0 到"));
        refusals.add(new Refusal(
                422,
                "POST",
                secretary + "/scores",
                street,
                "{\"period\": \"2026-Q1\", \"indicator\": \"Z99\", \"points\": 1, \"evidence\": \"依据\"}",
                "没有这项指标：Z99"));
        refusals.add(new Refusal(
                422,
                "POST",
                secretary + "/scores",
                street,
                "{\"period\": \"2026-Q1\", \"indicator\": \"G01\", \"points\": 1, \"evidence\": \" \"}",
                "评分依据"));
        refusals.add(new Refusal(
                422,
                "POST",
                secretary + "/stars",
                street,
                "{\"stars\": 3, \"reason\": \" \", \"year\": 2026}",
                "调整理由"));
        refusals.add(new Refusal(409, "GET", secretary + "/results?period=2031", street, null, "尚未制定"));
        refusals.add(new Refusal(
                409,
                "POST",
                secretary + "/adjustments",
                admin,
                "{\"period\": \"2026-Q4\", \"reason\": \"文案测试\"}",
                "尚未关闭"));
        refusals.add(new Refusal(
                422,
                "POST",
                "/api/evaluation/ratings/" + java.util.UUID.randomUUID() + "/appeal",
                street,
                "{}",
                "申诉理由"));
        return refusals;
    }

    @Test
    void refusesInPlainChineseByDefault() throws Exception {
        for (var language : new String[] {null, "zh-CN,zh;q=0.9"}) {
            for (var refusal : refusals()) {
                var refused = send(refusal, language);
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(refusal.status());
                assertThat(String.join(" ", texts(refused))).as(refusal.path()).contains(refusal.zh());
                for (var text : texts(refused)) {
                    assertThat(text).as(refused.body()).containsPattern("\\p{IsHan}");
                    assertThat(PlainText.offences(text)).as(refused.body()).isEmpty();
                }
            }
        }
    }

    @Test
    void refusesInEnglishWhenTheCallerPrefersIt() throws Exception {
        for (var refusal : refusals()) {
            var refused = send(refusal, "en-GB,en;q=0.9,zh-CN;q=0.5");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(refusal.status());
            for (var text : texts(refused)) {
                assertThat(text).as(refused.body()).doesNotContainPattern("\\p{IsHan}");
                assertThat(PlainText.offences(text)).as(refused.body()).isEmpty();
            }
        }
    }

    /**
     * A rating's refused transitions (rated twice, appealed twice, decided twice) are answered by the ratings' own
     * handler: their words are catalogue keys in both languages too.
     */
    @Test
    void aRatingsRefusedTransitionsHaveWordsInBothLanguages() {
        for (var key : List.of(
                "evaluation.refusal.ratedAlready",
                "evaluation.refusal.nothingToAppeal",
                "evaluation.refusal.appealedOnce",
                "evaluation.refusal.appealDecided",
                "evaluation.refusal.noAppeal",
                "evaluation.refusal.notRated",
                "evaluation.refusal.scoreRange",
                "evaluation.refusal.decisionReason",
                "evaluation.problem.ratingRefused")) {
            assertThat(Phrase.of(key).in(Catalogue.chinese())).containsPattern("\\p{IsHan}");
            assertThat(Phrase.of(key).in(Catalogue.english())).doesNotContainPattern("\\p{IsHan}");
        }
        for (var key : List.of("evaluation.refusal.commentLong", "evaluation.refusal.reasonLong")) {
            assertThat(Phrase.of(key, "max", 500).in(Catalogue.english())).contains("500");
        }
    }

    /** The detail and every field's message. */
    private static List<String> texts(HttpResponse<String> refused) {
        var body = json(refused);
        var texts = new ArrayList<String>();
        texts.add(body.get("detail").asString());
        var errors = body.get("errors");
        if (errors != null) {
            errors.forEach(error -> texts.add(error.get("message").asString()));
        }
        return texts;
    }

    private HttpResponse<String> send(Refusal call, @Nullable String language) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.path()))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + call.token())
                .method(
                        call.method(),
                        call.json() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(call.json(), StandardCharsets.UTF_8));
        if (call.json() != null) {
            request.header("Content-Type", "application/json");
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
