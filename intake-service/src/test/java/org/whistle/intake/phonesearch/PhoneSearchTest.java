package org.whistle.intake.phonesearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.whistle.intake.raising.PhoneLookupBackfill;
import org.whistle.intake.support.IntakeTest;

/**
 * Issue 23: a dispatcher types a caller's whole number and finds the whistles raised with it in their area — exact,
 * newest first, masked, never the tracking code; dispatchers only, limited per caller, recorded as a personal-data
 * access; and whistles raised before the look-up hash existed are found once it is filled in.
 */
@ExtendWith(OutputCaptureExtension.class)
class PhoneSearchTest extends IntakeTest {

    private static final String STREET = "230225100";

    @Autowired
    PhoneLookupBackfill backfill;

    private static String aPhone() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private Map<String, String> raise(String phone) {
        var body = new HashMap<>(whistle("号码查找 " + UUID.randomUUID()));
        body.put("reporter", Map.of("phone", phone));
        var raised = postJson("/api/whistles", body, device());
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        return Map.of(
                "id", raised.json().get("id").asString(),
                "code", raised.json().get("trackingCode").asString());
    }

    private Response search(String token, String phone) {
        return postJson("/api/whistles/phone-search", Map.of("phone", phone), bearer(token));
    }

    @Test
    void findsTheWhistlesRaisedWithTheWholeNumberInTheDispatchersAreaNewestFirst(CapturedOutput output) {
        var phone = aPhone();
        var first = raise(phone);
        var second = raise(phone);
        var other = raise(aPhone());

        var typedAsPeopleDo = "+86 " + phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7);
        var found = search(staffToken("ps.street", "STREET_DISPATCHER", STREET), typedAsPeopleDo);

        assertThat(found.status()).as(found.body()).isEqualTo(200);
        var ids = found.json()
                .get("whistles")
                .valueStream()
                .map(w -> w.get("id").asString())
                .toList();
        assertThat(ids).containsExactly(second.get("id"), first.get("id"));
        assertThat(found.json().get("more").asBoolean()).isFalse();
        assertThat(found.json().get("whistles").get(0).get("maskedPhone").asString())
                .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(found.body())
                .doesNotContain(first.get("code"), second.get("code"), other.get("id"), phone)
                .doesNotContainIgnoringCase("trackingCode");
        // the whole number only: a part of it finds nothing, it is refused
        assertThat(search(staffToken("ps.street", "STREET_DISPATCHER", STREET), phone.substring(0, 7))
                        .status())
                .isEqualTo(422);
        // recorded as a personal-data access, without the number
        assertThat(output.getOut()).contains("search-by-phone").contains("dispatcher-in-scope");
        assertThat(output.getOut()).doesNotContain(phone);
    }

    @Test
    void findsNothingOutsideTheAreaAndRefusesAllButDispatchers() {
        var phone = aPhone();
        raise(phone);

        var outside = search(staffToken("ps.other", "STREET_DISPATCHER", "230203003"), phone);
        assertThat(outside.status()).isEqualTo(200);
        assertThat(outside.json().get("whistles").size()).isZero();
        var gridWorker = search(staffToken("ps.grid", "GRID_WORKER", STREET), phone);
        assertThat(gridWorker.status()).isEqualTo(403);
        assertThat(gridWorker.body()).contains("只有指挥中心的调度员可以按来电号码查找哨情");
        assertThat(search(residentToken("ps.resident"), phone).status()).isEqualTo(403);
        assertThat(postJson("/api/whistles/phone-search", Map.of("phone", phone))
                        .status())
                .isEqualTo(401);
        assertThat(search(staffToken("ps.street", "STREET_DISPATCHER", STREET), "1".repeat(40))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void limitsEachDispatchersSearches() {
        var token = staffToken("ps.busy", "STREET_DISPATCHER", STREET);
        // the tests allow 5 an hour (whistle.intake.rate-limits.phone-searches-per-caller)
        for (int i = 0; i < 5; i++) {
            assertThat(search(token, aPhone()).status()).isEqualTo(200);
        }
        var refused = search(token, aPhone());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("您按号码查找短时间内提交的次数过多");
        assertThat(search(staffToken("ps.calm", "STREET_DISPATCHER", STREET), aPhone())
                        .status())
                .as("another dispatcher is not held to the first one's searches")
                .isEqualTo(200);
    }

    @Test
    void findsAWhistleRaisedBeforeTheLookUpHashOnceItIsFilledIn() {
        var phone = aPhone();
        var earlier = raise(phone);
        jdbc.sql("UPDATE whistle SET phone_lookup = NULL WHERE whistle_id = CAST(:id AS uuid)")
                .param("id", earlier.get("id"))
                .update();
        var token = staffToken("ps.backfill", "STREET_DISPATCHER", STREET);
        assertThat(search(token, phone).json().get("whistles").size()).isZero();

        assertThat(backfill.backfill()).isGreaterThanOrEqualTo(1);

        assertThat(search(token, phone)
                        .json()
                        .get("whistles")
                        .valueStream()
                        .map(w -> w.get("id").asString())
                        .toList())
                .isEqualTo(List.of(earlier.get("id")));
    }
}
