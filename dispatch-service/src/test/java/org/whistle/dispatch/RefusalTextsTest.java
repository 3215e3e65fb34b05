package org.whistle.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.whistle.texts.PlainText;

/**
 * The refusals a dispatcher or an officer reads through the API — bad queue parameters and cursors, actions the
 * ticket's state forbids, bad input — are plain Chinese by default and English when asked (ADR 0043): no state or
 * level code, no English sentence written at the throw site.
 */
class RefusalTextsTest extends DispatchServiceTestBase {

    private static final String QUEUE = "/api/queues/centres/" + DemoCity.GANNAN_TOWN_CENTRE;

    /** Each refusal, asked for in a language; the expected status beside it. */
    private List<Map.Entry<Integer, Function<String, Answer>>> refusals() {
        var street = streetDispatcherOfGannanTown();
        var ticket = "/api/tickets/" + gannanRoadDamage();
        var refusals = new ArrayList<Map.Entry<Integer, Function<String, Answer>>>();
        refusals.add(Map.entry(422, language -> get(QUEUE + "?size=0", street, language)));
        refusals.add(Map.entry(422, language -> get(QUEUE + "?state=LOST", street, language)));
        refusals.add(Map.entry(422, language -> get(QUEUE + "?level=GALAXY", street, language)));
        refusals.add(Map.entry(422, language -> get(QUEUE + "?sort=nonsense", street, language)));
        refusals.add(Map.entry(422, language -> get(QUEUE + "?sort=raisedAt,sideways", street, language)));
        refusals.add(Map.entry(422, language -> get(QUEUE + "?after=not-a-cursor", street, language)));
        refusals.add(Map.entry(422, language -> get(QUEUE + "?category=" + "X".repeat(65), street, language)));
        refusals.add(Map.entry(409, language -> post(ticket + "/verify", street, Map.of("pass", true), language)));
        refusals.add(Map.entry(422, language -> post(ticket + "/reject", street, Map.of("reason", " "), language)));
        refusals.add(
                Map.entry(422, language -> post(ticket + "/priority", street, Map.of("priority", "URGENT"), language)));
        return refusals;
    }

    @Test
    void refusesInPlainChineseByDefault() {
        for (var refusal : refusals()) {
            var refused = refusal.getValue().apply("zh-CN,zh;q=0.9");
            assertThat(refused.status()).as("%s", refused.body()).isEqualTo(refusal.getKey());
            for (var text : texts(refused)) {
                assertThat(text).as("%s", refused.body()).containsPattern("\\p{IsHan}");
                assertThat(PlainText.offences(text)).as("%s", refused.body()).isEmpty();
            }
        }
    }

    @Test
    void refusesInEnglishWhenTheCallerPrefersIt() {
        for (var refusal : refusals()) {
            var refused = refusal.getValue().apply("en-GB,en;q=0.9,zh;q=0.5");
            assertThat(refused.status()).as("%s", refused.body()).isEqualTo(refusal.getKey());
            for (var text : texts(refused)) {
                assertThat(text).as("%s", refused.body()).doesNotContainPattern("\\p{IsHan}");
                assertThat(PlainText.offences(text)).as("%s", refused.body()).isEmpty();
            }
        }
    }

    private String gannanRoadDamage() {
        return raise(whistle(DemoCity.ROAD_DAMAGE, DemoCity.FANRONG_GRID_1, DemoCity.GANNAN_TOWN, "路面破损"));
    }

    private static List<String> texts(Answer refused) {
        var texts = new ArrayList<String>();
        texts.add(refused.text("/detail"));
        var errors = refused.body().get("errors");
        if (errors != null) {
            errors.forEach(error -> texts.add(error.get("message").asString()));
        }
        return texts;
    }
}
