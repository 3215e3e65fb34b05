package org.whistle.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.whistle.intake.support.IntakeTest;

/**
 * A city that made masked descriptions public, behind its public address (issue 25): anonymous clients read
 * descriptions with phones masked but still no address or exact point, and discovery names the public address, not
 * intake's own.
 */
@TestPropertySource(
        properties = {
            "whistle.intake.open311.public-descriptions=true",
            "whistle.intake.open311.public-url=https://whistle.example.gov.cn/"
        })
class Open311PublicViewTest extends IntakeTest {

    @Test
    void discoveryGivesThePublicAddress() {
        var discovery = get("/open311/v2/discovery.json");

        assertThat(discovery.json().at("/endpoints/0/url").asString())
                .isEqualTo("https://whistle.example.gov.cn/open311/v2/");
        assertThat(discovery.body()).doesNotContain("localhost").doesNotContain("127.0.0.1");
    }

    @Test
    void pagesOnAtThePublicAddressWithoutTheKey() {
        for (int i = 0; i < 2; i++) {
            postForm(
                    "/open311/v2/requests.json",
                    form(
                            "api_key", "test-open311-key",
                            "service_code", "MUNICIPAL-ROAD-DAMAGE",
                            "lat", "47.9218",
                            "long", "123.5046",
                            "description", "翻页 " + UUID.randomUUID(),
                            "device_id", "paging-" + UUID.randomUUID()),
                    h -> {});
        }

        var first = get("/open311/v2/requests.json?page_size=1&api_key=test-open311-key");

        assertThat(first.headers().getFirst("Link"))
                .startsWith("<https://whistle.example.gov.cn/open311/v2/requests.json?")
                .contains("page=2")
                .doesNotContain("api_key")
                .doesNotContain("test-open311-key");
    }

    @Test
    void anonymousClientsReadMaskedDescriptionsWhereTheCityMadeThemPublic() {
        var words = "路面塌陷，请联系 13912345678 " + UUID.randomUUID();
        var id = postForm(
                        "/open311/v2/requests.json",
                        form(
                                "api_key", "test-open311-key",
                                "service_code", "MUNICIPAL-ROAD-DAMAGE",
                                "lat", "47.9218",
                                "long", "123.5046",
                                "address_string", "建华区文明大街 12 号",
                                "description", words,
                                "device_id", "public-" + UUID.randomUUID()),
                        h -> {})
                .json()
                .at("/0/service_request_id")
                .asString();

        var anonymous = get("/open311/v2/requests/" + id + ".json").json().get(0);

        assertThat(anonymous.get("description").asString())
                .startsWith("路面塌陷")
                .contains("139****5678")
                .doesNotContain("13912345678");
        assertThat(anonymous.get("address").isNull()).isTrue();
        assertThat(anonymous.get("lat").asDouble()).isNotEqualTo(47.9218);
    }
}
