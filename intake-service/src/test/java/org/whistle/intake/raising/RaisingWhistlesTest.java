package org.whistle.intake.raising;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.whistle.events.Reporter;
import org.whistle.events.Topics;
import org.whistle.events.WhistleRaised;
import org.whistle.intake.evidence.Samples;
import org.whistle.intake.support.DemoCity;
import org.whistle.intake.support.IntakeTest;
import org.whistle.intake.support.IntakeTest.Parts;

class RaisingWhistlesTest extends IntakeTest {

    @Test
    void raisesTheSeedsRoadDamageInItsGridAndPublishesIt() {
        var description = "文明大街与农机路交叉路口路面破损 " + UUID.randomUUID();

        var response = postJson("/api/whistles", whistle(description), device());

        assertThat(response.status()).isEqualTo(201);
        var body = response.json();
        var id = body.get("id").asString();
        assertThat(response.headers().getLocation()).hasToString("/api/whistles/" + id);
        assertThat(body.get("trackingCode").asString()).matches("QQ\\d{8}-[0-9A-Z]{10}");
        assertThat(body.at("/grid/id").asString()).isEqualTo(DemoCity.P1_GRID);
        assertThat(body.at("/grid/name").asString()).isEqualTo("繁荣社区第一网格");
        assertThat(body.at("/street/id").asString()).isEqualTo(DemoCity.P1_STREET);
        assertThat(body.at("/street/name").asString()).isEqualTo("甘南镇");
        assertThat(body.get("statusUrl").asString()).isEqualTo("/api/whistles/" + id);
        var event = published(Topics.WHISTLE_RAISED, id);
        var raised = (WhistleRaised) event.data();
        assertThat(raised.gridId()).isEqualTo(DemoCity.P1_GRID);
        assertThat(raised.streetId()).isEqualTo(DemoCity.P1_STREET);
        assertThat(raised.reporter().kind()).isEqualTo(Reporter.Kind.PHONE);
        assertThat(raised.reporter().maskedPhone()).isEqualTo("138****0042");
        assertThat(new String(
                        jdbc.sql("SELECT phone_cipher FROM whistle WHERE whistle_id = :id")
                                .param("id", UUID.fromString(id))
                                .query(byte[].class)
                                .single(),
                        java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("13800000042");
    }

    @ParameterizedTest
    @ValueSource(strings = {"WEB", "WECHAT", "APP", "PATROL", "HOTLINE"})
    void raisesFromEachChannel(String channel) {
        var description = channel + " whistle " + UUID.randomUUID();
        var body = new HashMap<>(whistle(description));
        body.put("channel", channel);
        var token = switch (channel) {
            case "APP" -> residentToken("resident-" + UUID.randomUUID());
            case "PATROL" -> staffToken("grid-" + UUID.randomUUID(), "GRID_WORKER", "230225100001");
            case "HOTLINE" -> staffToken("operator-" + UUID.randomUUID(), "CITY_DISPATCHER", "230200");
            default -> null;
        };

        var response = postJson("/api/whistles", body, token == null ? device() : bearer(token));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        var raised = (WhistleRaised)
                published(Topics.WHISTLE_RAISED, response.json().get("id").asString())
                        .data();
        assertThat(raised.channel().name()).isEqualTo(channel);
        var expected = switch (channel) {
            case "APP", "PATROL" -> Reporter.Kind.USER;
            default -> Reporter.Kind.PHONE;
        };
        assertThat(raised.reporter().kind()).isEqualTo(expected);
    }

    @Test
    void sendsAWhistleInNoGridToTheCitysCommandCentre() {
        var body = new HashMap<>(whistle("P4 farmland " + UUID.randomUUID()));
        body.put("location", Map.of("lat", 47.52, "lng", 123.62));

        var response = postJson("/api/whistles", body, device());

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("grid").isNull()).isTrue();
        assertThat(response.json().at("/fallbackOwner/id").asString()).isEqualTo("QQ-230200-ZHZX");
    }

    @Test
    void convertsGcj02CoordinatesBeforeResolvingTheGrid() {
        var wgs = new org.whistle.events.GeoPoint(47.9218, 123.5046);
        var gcj = org.whistle.orgreference.domain.geography.ChinaCoordinates.fromWgs84(
                wgs, org.whistle.orgreference.domain.geography.CoordinateSystem.GCJ02);
        var body = new HashMap<>(whistle("GCJ02 " + UUID.randomUUID()));
        body.put("location", Map.of("lat", gcj.lat(), "lng", gcj.lng(), "crs", "GCJ02"));

        var response = postJson("/api/whistles", body, device());

        assertThat(response.json().at("/grid/id").asString()).isEqualTo(DemoCity.P1_GRID);
        assertThat(response.json().at("/location/lat").asDouble())
                .isCloseTo(47.9218, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void raisesAWhistleWithOnlyAnAddressAsAnonymous() {
        var body = Map.of(
                "channel",
                "WECHAT",
                "category",
                "MUNICIPAL-STREETLIGHT",
                "description",
                "路灯不亮 " + UUID.randomUUID(),
                "location",
                Map.of("address", "龙沙区某路口"));

        var response = postJson("/api/whistles", body, device());

        assertThat(response.status()).isEqualTo(201);
        var raised = (WhistleRaised)
                published(Topics.WHISTLE_RAISED, response.json().get("id").asString())
                        .data();
        assertThat(raised.reporter().kind()).isEqualTo(Reporter.Kind.ANONYMOUS);
        assertThat(raised.location().address()).isEqualTo("龙沙区某路口");
        assertThat(raised.gridId()).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "channel=FAX|channel",
                "channel=|channel",
                "channel=OPEN311|channel",
                "channel=APP|channel",
                "channel=HOTLINE|channel",
                "category=NO-SUCH|category",
                "category=MUNICIPAL|category",
                "category=|category",
                "description=|description",
                "description=LONG|description",
                "urgency=PANIC|urgency",
                "phone=12345|reporter.phone",
                "lat=95|location.lat",
                "crs=MARS|location.crs",
                "nolocation|location",
                "outside|location"
            })
    void refusesInvalidInputNamingTheFieldAndStoresAndPublishesNothing(String caseAndField) {
        var parts = caseAndField.split("\\|");
        var description = "invalid " + UUID.randomUUID();
        var body = new HashMap<String, Object>(whistle(description));
        var location = new HashMap<String, Object>(Map.of("lat", 47.9218, "lng", 123.5046));
        var setting = parts[0].split("=", 2);
        switch (setting[0]) {
            case "channel", "category", "urgency" -> body.put(setting[0], setting[1]);
            case "description" -> body.put("description", setting[1].equals("LONG") ? "长".repeat(2001) : setting[1]);
            case "phone" -> body.put("reporter", Map.of("phone", setting[1]));
            case "lat" -> location.put("lat", Double.valueOf(setting[1]));
            case "crs" -> location.put("crs", setting[1]);
            case "nolocation" -> location.clear();
            case "outside" -> location.putAll(Map.of("lat", 39.9042, "lng", 116.4074));
            default -> throw new IllegalArgumentException(setting[0]);
        }
        body.put("location", location);

        var response = postJson("/api/whistles", body, device());

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).contains(parts[1]);
        assertThat(stored(description)).isZero();
        assertThat(outboxedMentioning(description)).isZero();
    }

    @Test
    void refusesABodyThatIsNoJsonWith400() {
        var response = postJson("/api/whistles", "{\"channel\": ", device());

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void replaysTheFirstResponseToARetryWithTheSameKey() {
        var description = "idempotent " + UUID.randomUUID();
        var key = UUID.randomUUID().toString();
        var headers = device().andThen(h -> h.set("Idempotency-Key", key));

        var first = postJson("/api/whistles", whistle(description), headers);
        var retry = postJson("/api/whistles", whistle(description), headers);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().getLocation()).isEqualTo(first.headers().getLocation());
        assertThat(retry.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(stored(description)).isOne();
        assertThat(outboxed(first.json().get("id").asString())).isOne();
    }

    @Test
    void refusesTheSameKeyWithADifferentBody() {
        var key = UUID.randomUUID().toString();
        var headers = device().andThen(h -> h.set("Idempotency-Key", key));
        postJson("/api/whistles", whistle("first " + UUID.randomUUID()), headers);

        var other = "second " + UUID.randomUUID();
        var response = postJson("/api/whistles", whistle(other), headers);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").findValuesAsString("field")).contains("Idempotency-Key");
        assertThat(stored(other)).isZero();
    }

    @Test
    void raisesOneWhistleForConcurrentRequestsWithOneKey() {
        var description = "concurrent " + UUID.randomUUID();
        var key = UUID.randomUUID().toString();
        var headers = device().andThen(h -> h.set("Idempotency-Key", key));

        var responses = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i ->
                        CompletableFuture.supplyAsync(() -> postJson("/api/whistles", whistle(description), headers)))
                .toList()
                .stream()
                .map(CompletableFuture::join)
                .toList();

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
        assertThat(responses.stream().map(Response::body).distinct()).hasSize(1);
        assertThat(stored(description)).isOne();
    }

    @Test
    void keepsAPhotoSentAsMultipartStrippedOfItsLocation() {
        var description = "multipart " + UUID.randomUUID();
        var parts = new Parts()
                .json("whistle", whistle(description))
                .file("evidence", "路面.jpg", Samples.jpegWithLocation(), MediaType.IMAGE_JPEG);

        var raised = postMultipart("/api/whistles", parts, device());

        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        var mediaId = raised.json().at("/evidence/0/mediaId").asString();
        var id = raised.json().get("id").asString();
        var code = raised.json().get("trackingCode").asString();
        var photo = get("/api/whistles/" + id + "/evidence/" + mediaId, h -> {
            h.set("X-Tracking-Code", code);
            h.set("X-Reporter-Phone", "13800000042");
        });
        assertThat(photo.status()).isEqualTo(200);
        assertThat(photo.headers().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        assertThat(photo.headers().getFirst("Content-Disposition")).startsWith("inline;");
        assertThat(Samples.contains(photo.bytes(), Samples.LATITUDE_RATIONALS)).isFalse();
        assertThat(Samples.contains(Samples.jpegWithLocation(), Samples.LATITUDE_RATIONALS))
                .isTrue();
    }

    @Test
    void raisesFromPlainFormFieldsWithAPhoto() {
        var description = "form fields " + UUID.randomUUID();
        var parts = new Parts()
                .field("channel", "WECHAT")
                .field("category", "MUNICIPAL-MANHOLE")
                .field("description", description)
                .field("lat", "47.9218")
                .field("lng", "123.5046")
                .file("evidence", "a.jpg", Samples.jpegWithLocation(), MediaType.APPLICATION_OCTET_STREAM);

        var raised = postMultipart("/api/whistles", parts, device());

        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        assertThat(raised.json().at("/grid/id").asString()).isEqualTo(DemoCity.P1_GRID);
        assertThat(raised.json().get("evidence")).hasSize(1);
    }

    @Test
    void refusesAFileWhoseBytesAreNoPhotoWhateverItsNameAndTypeSay() {
        var description = "spoofed " + UUID.randomUUID();
        var parts = new Parts()
                .json("whistle", whistle(description))
                .file("evidence", "photo.jpg", "%PDF-1.7 not a photo".getBytes(), MediaType.IMAGE_JPEG);

        var response = postMultipart("/api/whistles", parts, device());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").findValuesAsString("field")).contains("evidence[0]");
        assertThat(stored(description)).isZero();
        assertThat(outboxedMentioning(description)).isZero();
    }

    @Test
    void limitsAnAnonymousDeviceWith429AndRetryAfter() {
        var headers = device();
        for (int i = 0; i < 5; i++) {
            assertThat(postJson("/api/whistles", whistle("limit " + UUID.randomUUID()), headers)
                            .status())
                    .isEqualTo(201);
        }

        var limited = postJson("/api/whistles", whistle("limit " + UUID.randomUUID()), headers);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("type").asString()).isEqualTo("urn:whistle:problem:rate-limited");
        assertThat(Long.parseLong(limited.headers().getFirst("Retry-After"))).isPositive();
    }

    @Test
    void listsOpenWhistlesOfTheCategoryWithinTheRadiusOnly() {
        var near = postJson("/api/whistles", whistle("near " + UUID.randomUUID()), device())
                .json()
                .get("id")
                .asString();
        var other = new HashMap<>(whistle("other category " + UUID.randomUUID()));
        other.put("category", "MUNICIPAL-STREETLIGHT");
        var otherId =
                postJson("/api/whistles", other, device()).json().get("id").asString();

        var within = get("/api/whistles/nearby?lat=47.9226&lng=123.5046&category=MUNICIPAL-ROAD-DAMAGE&radius=200");
        var outside = get("/api/whistles/nearby?lat=47.9245&lng=123.5046&category=MUNICIPAL-ROAD-DAMAGE&radius=200");
        var tooFar = get("/api/whistles/nearby?lat=47.9245&lng=123.5046&category=MUNICIPAL-ROAD-DAMAGE&radius=5000");

        assertThat(within.json().get("whistles").findValuesAsString("id"))
                .contains(near)
                .doesNotContain(otherId);
        assertThat(within.json().at("/whistles/0/distanceMetres").asLong())
                .as("to the coarse location, in 50 m steps")
                .isIn(50L, 100L);
        assertThat(within.json().at("/whistles/0/location/lat").asDouble()).isEqualTo(47.922);
        assertThat(within.json().at("/whistles/0/location/lng").asDouble()).isEqualTo(123.505);
        assertThat(within.body())
                .doesNotContain("trackingCode")
                .doesNotContain("Phone")
                .doesNotContain("13800000042");
        assertThat(outside.json().get("whistles").findValuesAsString("id")).doesNotContain(near);
        assertThat(tooFar.status()).isEqualTo(422);
    }

    @Test
    void recordsASupportingReportInsteadOfANewWhistle() {
        var id = postJson("/api/whistles", whistle("supported " + UUID.randomUUID()), device())
                .json()
                .get("id")
                .asString();
        long before = jdbc.sql("SELECT count(*) FROM whistle").query(Long.class).single();

        var support = postJson(
                "/api/whistles/" + id + "/supports", Map.of("note", "我也看到了", "phone", "13900000077"), device());

        assertThat(support.status()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT count(*) FROM whistle").query(Long.class).single())
                .isEqualTo(before);
        assertThat(get("/api/whistles/nearby?lat=47.9218&lng=123.5046&category=MUNICIPAL-ROAD-DAMAGE")
                        .json()
                        .get("whistles")
                        .findValues("supports")
                        .stream()
                        .anyMatch(n -> n.asInt() >= 1))
                .isTrue();
        assertThat(postJson("/api/whistles/" + UUID.randomUUID() + "/supports", Map.of("note", "x"), device())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void keepsReportersPhonesEncryptedAndOnlyMaskedOnTheBus() {
        var id = postJson("/api/whistles", whistle("masked " + UUID.randomUUID()), device())
                .json()
                .get("id")
                .asString();

        var record = org.whistle.testing.TopicReader.readUntil(
                        Topics.WHISTLE_RAISED, read -> read.stream().anyMatch(r -> id.equals(r.key())), PATIENCE)
                .stream()
                .filter(r -> id.equals(r.key()))
                .findFirst()
                .orElseThrow();

        assertThat(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("138****0042")
                .doesNotContain("13800000042");
        assertThat(List.of(record.headers().toArray())).isNotEmpty();
    }
}
