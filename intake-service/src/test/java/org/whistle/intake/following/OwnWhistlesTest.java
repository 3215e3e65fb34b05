package org.whistle.intake.following;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.whistle.intake.support.IntakeTest;

/** 我的吹哨 and the signed-in reporter's own code on 进度 (issue 23, "Reporters"). */
class OwnWhistlesTest extends IntakeTest {

    private record Raised(String id, String code) {}

    private Raised raiseAs(String reporter, boolean withPhone) {
        var body = new HashMap<String, Object>(whistle("own " + UUID.randomUUID()));
        body.put("channel", "APP");
        if (!withPhone) {
            body.remove("reporter");
        }
        var answer = postJson("/api/whistles", body, bearer(residentToken(reporter)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return new Raised(
                answer.json().get("id").asString(),
                answer.json().get("trackingCode").asString());
    }

    private Response trackByCode(String code, String token) {
        return get("/api/whistles/track", h -> {
            h.set("X-Tracking-Code", code);
            h.set("X-Forwarded-For", "198.19.0." + (1 + Math.floorMod(code.hashCode(), 200)));
            if (token != null) {
                h.setBearerAuth(token);
            }
        });
    }

    @Test
    void opensTheSignedInReportersOwnCodeWithoutAskingForTheirPhone() {
        var reporter = "resident-" + UUID.randomUUID();
        var withPhone = raiseAs(reporter, true);
        var withoutPhone = raiseAs(reporter, false);

        var own = trackByCode(withPhone.code(), residentToken(reporter));
        var ownWithoutPhone = trackByCode(withoutPhone.code(), residentToken(reporter));

        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("id").asString()).isEqualTo(withPhone.id());
        assertThat(ownWithoutPhone.status()).as(ownWithoutPhone.body()).isEqualTo(200);
        assertThat(trackByCode(withPhone.code(), residentToken("someone-else")).status())
                .as("another account with the code but not the phone")
                .isEqualTo(404);
        assertThat(trackByCode(withoutPhone.code(), null).status())
                .as("the code alone opens only a whistle raised with neither phone nor account")
                .isEqualTo(404);
    }

    @Test
    void listsOnlyTheReportersOwnWhistlesNewestFirstAPageAtATime() {
        var reporter = "resident-" + UUID.randomUUID();
        var mine = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            mine.add(raiseAs(reporter, true).id());
        }
        var someoneElses = raiseAs("resident-" + UUID.randomUUID(), true);

        var first = get("/api/whistles/mine?limit=2", bearer(residentToken(reporter)));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        var next = first.json().get("next").asString();
        var second = get("/api/whistles/mine?limit=2&after=" + next, bearer(residentToken(reporter)));

        var shown = new ArrayList<String>();
        first.json().get("whistles").forEach(w -> shown.add(w.get("id").asString()));
        second.json().get("whistles").forEach(w -> shown.add(w.get("id").asString()));
        assertThat(shown).isEqualTo(List.of(mine.get(2), mine.get(1), mine.get(0)));
        assertThat(second.json().get("next").isNull()).isTrue();
        assertThat(shown).doesNotContain(someoneElses.id());
        var line = first.json().get("whistles").get(0);
        assertThat(line.get("statusLabel").asString()).isEqualTo("已上报");
        assertThat(line.get("category").asString()).isEqualTo("MUNICIPAL-ROAD-DAMAGE");
        assertThat(first.body()).doesNotContain("13800000042").doesNotContain("trackingCode");
    }

    @Test
    void asksAnonymousCallersToSignInAndRefusesOutOfRangePages() {
        var token = residentToken("resident-" + UUID.randomUUID());

        assertThat(get("/api/whistles/mine").status()).isEqualTo(401);
        assertThat(get("/api/whistles/mine?limit=0", bearer(token)).status()).isEqualTo(422);
        assertThat(get("/api/whistles/mine?limit=51", bearer(token)).status()).isEqualTo(422);
        var garbage = get("/api/whistles/mine?after=not-a-cursor", bearer(token));
        assertThat(garbage.status()).isEqualTo(422);
        assertThat(garbage.body()).contains("after").contains("翻页位置无效");
        assertThat(get("/api/whistles/mine?after=" + "A".repeat(101), bearer(token))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void showsTheReporterTheStepsOfTheirWhistle() {
        var reporter = "resident-" + UUID.randomUUID();
        var raised = raiseAs(reporter, true);

        var view = get("/api/whistles/" + raised.id(), bearer(residentToken(reporter)))
                .json();

        var steps = new ArrayList<Map<String, String>>();
        view.get("steps")
                .forEach(s -> steps.add(Map.of(
                        "name",
                        s.get("name").asString(),
                        "state",
                        s.get("state").asString())));
        assertThat(steps)
                .containsExactly(
                        Map.of("name", "已上报", "state", "CURRENT"),
                        Map.of("name", "已受理", "state", "AHEAD"),
                        Map.of("name", "已派单", "state", "AHEAD"),
                        Map.of("name", "处置中", "state", "AHEAD"),
                        Map.of("name", "已办结", "state", "AHEAD"),
                        Map.of("name", "待评价", "state", "AHEAD"));
        assertThat(view.get("steps").get(0).get("at").isNull()).isFalse();
    }
}
