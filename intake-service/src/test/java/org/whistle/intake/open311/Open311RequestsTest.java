package org.whistle.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.whistle.events.Actor;
import org.whistle.events.EventEnvelope;
import org.whistle.events.TaskState;
import org.whistle.events.TicketId;
import org.whistle.events.TicketState;
import org.whistle.events.Topics;
import org.whistle.events.TraceIds;
import org.whistle.events.WhistleId;
import org.whistle.events.WhistleRaised;
import org.whistle.events.WhistleReported;
import org.whistle.events.kafka.EnvelopeSerializer;
import org.whistle.intake.evidence.Samples;
import org.whistle.intake.support.IntakeTest;
import org.whistle.testing.TestInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * What Open311 clients in the field need beyond the basics (issue 25): the spec's defaults and filters on GET
 * requests, long descriptions, media links, FixMyStreet's updates and unpinpointed reports, and the spec's error
 * format on every Open311 path.
 */
class Open311RequestsTest extends IntakeTest {

    private static final String KEY = "test-open311-key";

    private Response submit(String... extra) {
        var form = form(
                "api_key", KEY,
                "jurisdiction_id", "qiqihar.gov.cn",
                "service_code", "MUNICIPAL-ROAD-DAMAGE",
                "lat", "47.9218",
                "long", "123.5046",
                "description", "Open311 路面破损 " + UUID.randomUUID(),
                "device_id", "open311-" + UUID.randomUUID());
        for (int i = 0; i < extra.length; i += 2) {
            form.set(extra[i], extra[i + 1]);
        }
        return postForm("/open311/v2/requests.json", form, h -> {});
    }

    private String raised(String... extra) {
        var response = submit(extra);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().at("/0/service_request_id").asString();
    }

    private static JsonNode only(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().size()).as(response.body()).isOne();
        return response.json().get(0);
    }

    @Test
    void followsTheSpecsDefaultsAndSaysWhenAPageIsCut() {
        var code = "MUNICIPAL-MANHOLE";
        var since = "start_date=2000-01-01T00:00:00Z";
        for (int i = 0; i < 3; i++) {
            raised("service_code", code);
        }
        var all = get("/open311/v2/requests.json?service_code=" + code + "&" + since);
        var first = get("/open311/v2/requests.json?service_code=" + code + "&page_size=2&" + since);

        assertThat(all.json().size()).isGreaterThanOrEqualTo(3);
        assertThat(all.headers().getFirst("Link"))
                .as("all fit on the first page")
                .isNull();
        assertThat(first.json().size()).isEqualTo(2);
        assertThat(first.headers().getFirst("X-Open311-Truncated")).isEqualTo("true");
        var next = first.headers().getFirst("Link");
        assertThat(next).contains("page=2").contains("rel=\"next\"");
        var second = get(next.substring(next.indexOf("/open311"), next.indexOf('>')));
        assertThat(second.json().findValuesAsString("service_request_id"))
                .doesNotContainAnyElementsOf(first.json().findValuesAsString("service_request_id"));
        assertThat(get("/open311/v2/requests.json?page_size=1000").status()).isEqualTo(200);
        assertThat(get("/open311/v2/requests.json?page_size=1001").status()).isEqualTo(400);
    }

    @Test
    void takesCommaDelimitedStatusesAndLetsIdsTakePrecedence() {
        var id = raised();

        var both = get("/open311/v2/requests.json?status=open,closed&service_code=MUNICIPAL-ROAD-DAMAGE");
        var closedOnly = get("/open311/v2/requests.json?status=closed&service_code=MUNICIPAL-ROAD-DAMAGE");
        // An open request raised now, asked for as closed, of another service, in a window long past: the id wins.
        var byId = get("/open311/v2/requests.json?service_request_id=" + id
                + "&status=closed&service_code=UTILITIES-GAS&start_date=2001-01-01T00:00:00Z"
                + "&end_date=2001-01-02T00:00:00Z");
        var mixed = get("/open311/v2/requests.json?service_request_id=" + UUID.randomUUID() + "," + id + ",no-such-id");

        assertThat(both.status()).as(both.body()).isEqualTo(200);
        assertThat(both.json().findValuesAsString("service_request_id")).contains(id);
        assertThat(closedOnly.json().findValuesAsString("service_request_id")).doesNotContain(id);
        assertThat(only(byId).get("service_request_id").asString()).isEqualTo(id);
        assertThat(only(mixed).get("service_request_id").asString()).isEqualTo(id);
        assertThat(get("/open311/v2/requests.json?status=pending").status()).isEqualTo(400);
    }

    @Test
    void takesDescriptionsOfUpTo4000CharactersAndKeepsAMediaUrlAsALink() {
        var long4000 = "路".repeat(3_990) + UUID.randomUUID().toString().substring(0, 10);
        var link = "https://photos.example.org/road/1234.jpg";
        var id = raised("description", long4000, "media_url", link);

        var keyed = only(get("/open311/v2/requests/" + id + ".json?api_key=" + KEY));
        var anonymous = only(get("/open311/v2/requests/" + id + ".json"));
        var tooLong = submit("description", "路".repeat(4_001));
        var script = submit("media_url", "javascript:alert(1)");

        assertThat(keyed.get("description").asString()).isEqualTo(long4000);
        assertThat(keyed.get("media_url").asString()).isEqualTo(link);
        assertThat(anonymous.get("media_url").isNull()).isTrue();
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().at("/0/description").asString()).contains("description");
        assertThat(script.status()).isEqualTo(400);
        assertThat(script.json().at("/0/description").asString()).contains("media_url");
    }

    @Test
    void showsAnUploadedPhotoAsASignedMediaUrlToKeyedClientsOnly() {
        var parts = new Parts()
                .field("api_key", KEY)
                .field("service_code", "MUNICIPAL-MANHOLE")
                .field("lat", "47.9218")
                .field("long", "123.5046")
                .field("description", "井盖缺失 " + UUID.randomUUID())
                .file("media", "manhole.jpg", Samples.jpegWithLocation(), MediaType.IMAGE_JPEG);
        var id = postMultipart("/open311/v2/requests.json", parts, h -> {})
                .json()
                .at("/0/service_request_id")
                .asString();

        var link = only(get("/open311/v2/requests/" + id + ".json?api_key=" + KEY))
                .get("media_url")
                .asString();
        var anonymous = only(get("/open311/v2/requests/" + id + ".json"));

        assertThat(anonymous.get("media_url").isNull()).isTrue();
        assertThat(link).contains("/open311/v2/media/").contains("signature=").doesNotContain(KEY);
        var photo = get(link.substring(link.indexOf("/open311")));
        assertThat(photo.status()).isEqualTo(200);
        assertThat(photo.headers().getContentType().isCompatibleWith(MediaType.IMAGE_JPEG))
                .isTrue();
        // Change the signature's first character to another one: always a forgery, whichever character it was.
        var path = link.substring(link.indexOf("/open311"));
        int at = path.indexOf("signature=") + "signature=".length();
        var forged = get(path.substring(0, at) + (path.charAt(at) == 'A' ? 'B' : 'A') + path.substring(at + 1));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).startsWith("<?xml").contains("<code>403</code>");
    }

    @Test
    void honoursTheStatusAndKeepsTheUpdateIdOfAPostedUpdate() {
        var id = raised();
        var clientUpdate = "fms-" + UUID.randomUUID();
        var update = form(
                "api_key", KEY,
                "service_request_id", id,
                "description", "居民反映已修好",
                "status", "FIXED",
                "update_id", clientUpdate);

        var posted = postForm("/open311/v2/servicerequestupdates.json", update, h -> {});
        var retried = postForm("/open311/v2/servicerequestupdates.json", update, h -> {});
        var listed = get("/open311/v2/servicerequestupdates.json");
        var badStatus = postForm(
                "/open311/v2/servicerequestupdates.json",
                form("api_key", KEY, "service_request_id", id, "description", "x", "status", "MAYBE"),
                h -> {});

        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        var updateId = posted.json().at("/0/update_id").asString();
        assertThat(retried.json().at("/0/update_id").asString())
                .as("a retry with the same update_id records nothing twice")
                .isEqualTo(updateId);
        assertThat(jdbc.sql("SELECT count(*) FROM whistle_support WHERE client_update_id = :u")
                        .param("u", clientUpdate)
                        .query(Long.class)
                        .single())
                .isOne();
        var shown = listed.json()
                .valueStream()
                .filter(u -> u.get("update_id").asString().equals(updateId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("update " + updateId + " not listed: " + listed.body()));
        assertThat(shown.get("service_request_id").asString()).isEqualTo(id);
        assertThat(shown.get("status").asString()).isEqualTo("FIXED");
        assertThat(badStatus.status()).isEqualTo(400);
    }

    @Test
    void notesAClientSayingAWhistleReportedFixedIsNotForTheCentreThatVerifies() {
        var id = raised();
        // The lead unit reports it fixed, as dispatch publishes it.
        var done = new WhistleReported(
                WhistleId.of(id),
                TicketId.newId(),
                "QQ-230225-ZJJ-LZG",
                WhistleReported.Report.DONE,
                TaskState.DONE,
                true,
                TicketState.RESOLVED,
                "已修复路面",
                List.of(),
                new Actor("gn.lzg.huangjiye", "QQ-230225-ZJJ-LZG", "DEPARTMENT_LEADER"),
                Instant.now());
        var envelope = EventEnvelope.wrap(done, 1, "dispatch-service", TraceIds.newTraceId(), Clock.systemUTC());
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(),
                new EnvelopeSerializer())) {
            producer.send(new ProducerRecord<>(envelope.topic(), envelope.key(), envelope));
        }
        await().atMost(PATIENCE)
                .until(() -> only(get("/open311/v2/requests/" + id + ".json"))
                        .get("status")
                        .asString()
                        .equals("closed"));

        var posted = postForm(
                "/open311/v2/servicerequestupdates.json",
                form("api_key", KEY, "service_request_id", id, "description", "路面还是坏的", "status", "OPEN"),
                h -> {});

        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        var updateId = posted.json().at("/0/update_id").asString();
        var shown = get("/open311/v2/servicerequestupdates.json?api_key=" + KEY)
                .json()
                .valueStream()
                .filter(u -> u.get("update_id").asString().equals(updateId))
                .findFirst()
                .orElseThrow();
        assertThat(shown.get("status").asString()).isEqualTo("OPEN");
        assertThat(shown.get("description").asString()).isEqualTo("对接系统转来群众反映：问题仍未解决，请核查");
    }

    @Test
    void takesAnUnpinpointedReportAsAnAddressOnlyWhistle() {
        var id = raised(
                "address_id", "#NOTPINPOINTED#",
                "lat", "47.3",
                "long", "123.9",
                "address_string", "龙沙区某小区门口");
        var without = submit("address_id", "#NOTPINPOINTED#");

        var raised = (WhistleRaised) published(Topics.WHISTLE_RAISED, id).data();
        assertThat(raised.location().point()).as("the map's centre is no point").isNull();
        assertThat(raised.location().address()).isEqualTo("龙沙区某小区门口");
        assertThat(raised.gridId()).isNull();
        assertThat(without.status()).isEqualTo(400);
        assertThat(without.json().at("/0/description").asString()).contains("address_string");
    }

    @Test
    void answersInTheOpen311ErrorFormatOnEveryOpen311Path() {
        var noSuffix = get("/open311/v2/requests");
        var json = postJson("/open311/v2/requests.json", "{\"service_code\":\"MUNICIPAL-ROAD-DAMAGE\"}");
        var wrongMethod = http.delete()
                .uri("/open311/v2/requests.json")
                .exchange((req, res) -> res.getStatusCode().value());

        assertThat(noSuffix.status()).isEqualTo(404);
        assertThat(noSuffix.headers().getContentType().isCompatibleWith(MediaType.TEXT_XML))
                .as(noSuffix.body())
                .isTrue();
        assertThat(noSuffix.body()).contains("<errors><error><code>404</code>").contains("请以后缀指明格式（.json 或 .xml）");
        // In English when the client asks for it (ADR 0043).
        assertThat(get("/open311/v2/requests", headers -> headers.set("Accept-Language", "en"))
                        .body())
                .contains("name the format as the suffix (.json or .xml)");
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON))
                .isTrue();
        assertThat(json.json().at("/0/code").asInt()).isEqualTo(415);
        assertThat(json.json().at("/0/description").asString()).contains("x-www-form-urlencoded");
        assertThat(wrongMethod).isEqualTo(405);
    }
}
