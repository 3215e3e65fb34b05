package org.whistle.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 电话受理 through the gateway: 卜奎街道's dispatcher takes a call about 将军府小区's flooded garage, with only the
 * caller's words for where; intake proposes the compound's grids from the demo city's names, the dispatcher confirms
 * the first and raises the hotline whistle with it and no coordinates, and the ticket lands at 卜奎街道's command
 * centre — not with the city's fallback, where an address alone would have sent it.
 */
@ExtendWith(SharedLocalStack.class)
class HotlineByAddressTest {

    private static final String BUKUI_DISPATCHER = "jh.street.songzhigang";
    private static final String ADDRESS = "建华区将军府小区2号楼地下车库";

    private final Gateway gateway;
    private final Casework casework;

    HotlineByAddressTest(Platform platform) {
        this.gateway = platform.gateway();
        this.casework = new Casework(platform);
    }

    @Test
    void aCallWithOnlyAnAddressLandsAtItsStreetOnceTheDispatcherConfirmsAProposedGrid() {
        var token = casework.token(BUKUI_DISPATCHER);

        var proposals = gateway.get(
                        "/api/whistles/places?address=" + URLEncoder.encode(ADDRESS, StandardCharsets.UTF_8), token)
                .expect(200)
                .path("proposals");
        var first = proposals.get(0);
        assertThat(first.path("gridId").asString()).startsWith("230203003001003");
        assertThat(first.at("/street/id").asString()).isEqualTo(Place.JIANGJUNFU.street);
        assertThat(first.path("why").asString()).contains("将军府小区");

        var body = Gateway.JSON
                .createObjectNode()
                .put("channel", "HOTLINE")
                .put("category", Place.JIANGJUNFU.category)
                .put("description", "来电：地下车库进水，车辆被淹 " + UUID.randomUUID());
        body.putObject("location")
                .put("address", ADDRESS)
                .put("gridId", first.path("gridId").asString());
        body.putObject("reporter").put("phone", "13900000321");
        var raised = gateway.call("POST", "/api/whistles")
                .token(token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .json(body.toString())
                .send()
                .expect(201);
        assertThat(raised.at("/grid/id").asString())
                .isEqualTo(first.path("gridId").asString());
        assertThat(raised.at("/street/name").asString()).isEqualTo("卜奎街道");
        assertThat(raised.path("location").isNull() || raised.path("location").isMissingNode())
                .as("no coordinates were measured")
                .isTrue();

        var ticket = casework.awaitTicket(raised.path("id").asString());
        assertThat(ticket.path("owningCentre").asString()).isEqualTo(Place.JIANGJUNFU.streetCentre);
        assertThat(ticket.path("level").asString()).isEqualTo("STREET");
        // The street's own dispatcher finds it in the centre's queue.
        var queue = gateway.get(
                        "/api/queues/centres/" + Place.JIANGJUNFU.streetCentre + "?state=RAISED&size=100", token)
                .expect(200);
        assertThat(queue.toString()).contains(ticket.path("id").asString());
    }
}
