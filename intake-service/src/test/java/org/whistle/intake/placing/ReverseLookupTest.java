package org.whistle.intake.placing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.whistle.intake.support.IntakeTest;

/**
 * The raise page's reverse lookup (issue 23): the place under the pin in words, from the grid the point lies in and
 * the gazetteer's roads and landmarks around it, for anyone, bounded and limited per client address.
 */
class ReverseLookupTest extends IntakeTest {

    private Response address(String query, String client) {
        return get("/api/whistles/address?" + query, h -> h.set("X-Forwarded-For", client));
    }

    @Test
    void namesThePlaceOfAPointInTheCityWithTheRoadsAroundIt() {
        var answer = address("lat=47.9218&lng=123.5046", "198.20.0.1");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var place = answer.json();
        assertThat(place.get("address").asString()).startsWith("甘南县甘南镇繁荣社区");
        assertThat(place.get("street").get("name").asString()).isEqualTo("甘南镇");
        assertThat(place.get("grid").get("name").asString()).startsWith("繁荣");
        assertThat(place.get("nearby").toString()).contains("文明大街");
        assertThat(place.get("address").asString()).endsWith("文明大街附近");
    }

    @Test
    void refusesPointsOutsideTheCityAndOutOfRangeInChinese() {
        var beijing = address("lat=39.9042&lng=116.4074", "198.20.0.2");
        var badCrs = address("lat=47.9218&lng=123.5046&crs=MERCATOR", "198.20.0.2");
        var badLat = address("lat=91&lng=123.5046", "198.20.0.2");

        assertThat(beijing.status()).isEqualTo(422);
        assertThat(beijing.body()).contains("location").contains("不在本市范围内");
        assertThat(badCrs.status()).isEqualTo(422);
        assertThat(badCrs.body()).contains("crs");
        assertThat(badLat.status()).isEqualTo(422);
        assertThat(badLat.body()).contains("lat");
    }

    @Test
    void limitsLookupsPerClientAddress() {
        var client = "198.20.1.1";
        int answered = 0;
        Response last = null;
        for (int i = 0; i < 6; i++) {
            last = address("lat=47.9218&lng=123.5046", client);
            if (last.status() != 200) {
                break;
            }
            answered++;
        }

        assertThat(answered).as("five a period in the tests' settings").isEqualTo(5);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.headers().getFirst("Retry-After")).isNotBlank();
        assertThat(address("lat=47.9218&lng=123.5046", "198.20.1.2").status())
                .as("another client still asks")
                .isEqualTo(200);
    }
}
