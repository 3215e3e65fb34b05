package org.whistle.intake.raising;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.whistle.intake.support.IntakeTest;

/**
 * A raised whistle moves {@code whistle_intake_whistles_raised_total} on {@code /actuator/prometheus} under its channel
 * and main category (a code, never the description); a refused one moves nothing.
 */
class RaisedWhistleMetricsTest extends IntakeTest {

    private static final String WEB_ROADS =
            "whistle_intake_whistles_raised_total{application=\"intake-service\",category=\"MUNICIPAL\",channel=\"WEB\"}";

    @Test
    void countsARaisedWhistleByChannelAndMainCategoryOnceItIsStored() {
        double before = metric(WEB_ROADS);
        var description = "计量 " + UUID.randomUUID();

        var raised = postJson("/api/whistles", whistle(description), device());

        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        assertThat(metric(WEB_ROADS)).isEqualTo(before + 1);
        assertThat(get("/actuator/prometheus").body())
                .as("no text a person wrote in a label")
                .doesNotContain(description)
                .doesNotContain("13800000042");
    }

    @Test
    void countsNothingForARefusedWhistle() {
        double before = metric(WEB_ROADS);
        var refused = new HashMap<>(whistle("计量 " + UUID.randomUUID()));
        refused.put("description", "");

        var answer = postJson("/api/whistles", refused, device());

        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(metric(WEB_ROADS)).isEqualTo(before);
    }

    /** The sample's value, 0 while the series does not exist yet. */
    private double metric(String series) {
        return get("/actuator/prometheus")
                .body()
                .lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .findFirst()
                .orElse(0);
    }
}
