package org.whistle.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.w3c.dom.Document;
import org.whistle.events.Channel;
import org.whistle.events.Topics;
import org.whistle.events.WhistleRaised;
import org.whistle.intake.evidence.Samples;
import org.whistle.intake.support.DemoCity;
import org.whistle.intake.support.IntakeTest;
import tools.jackson.databind.JsonNode;

/** The GeoReport v2 façade in both formats, its JSON checked against the published schemas. */
class Open311Test extends IntakeTest {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private static final String KEY = "test-open311-key";
    private static final String JURISDICTION = "jurisdiction_id=qiqihar.gov.cn";

    private static Schema schema(String name) {
        try (var in = Open311Test.class.getResourceAsStream("/open311/" + name)) {
            return SCHEMAS.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each item of an array document against the item schema (the array schemas refer to it by relative name). */
    private static void assertEachValid(JsonNode array, String itemSchema) {
        assertThat(array.isArray()).as(array.toString()).isTrue();
        assertThat(array.size()).isPositive();
        var schema = schema(itemSchema);
        for (var item : array) {
            assertThat(schema.validate(item)).as(item.toString()).isEmpty();
        }
    }

    private static Document xml(Response response) {
        try {
            assertThat(response.headers().getContentType().isCompatibleWith(MediaType.TEXT_XML))
                    .isTrue();
            return DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(response.bytes()));
        } catch (Exception e) {
            throw new AssertionError(response.body(), e);
        }
    }

    private Response submit(String format, String... extra) {
        var form = form(
                "api_key", KEY,
                "service_code", "MUNICIPAL-ROAD-DAMAGE",
                "lat", "47.9218",
                "long", "123.5046",
                "description", "Open311 路面破损 " + UUID.randomUUID(),
                "phone", "13800000099",
                "device_id", "open311-" + UUID.randomUUID());
        for (int i = 0; i < extra.length; i += 2) {
            form.set(extra[i], extra[i + 1]);
        }
        return postForm("/open311/v2/requests." + format + "?" + JURISDICTION, form, h -> {});
    }

    @Test
    void describesItselfInDiscovery() {
        var json = get("/open311/v2/discovery.json");
        var xml = xml(get("/open311/v2/discovery.xml"));

        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().at("/endpoints/0/specification").asString())
                .isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("discovery");
        assertThat(xml.getElementsByTagName("endpoint").getLength()).isOne();
    }

    @Test
    void listsSubcategoriesAsServicesGroupedByTheirMainCategory() {
        var json = get("/open311/v2/services.json?" + JURISDICTION);
        var xml = xml(get("/open311/v2/services.xml"));

        assertEachValid(json.json(), "service.json");
        assertThat(json.json().findValuesAsString("service_code"))
                .contains("MUNICIPAL-ROAD-DAMAGE")
                .doesNotContain("MUNICIPAL");
        var road = json.json()
                .valueStream()
                .filter(s -> s.get("service_code").asString().equals("MUNICIPAL-ROAD-DAMAGE"))
                .findFirst()
                .orElseThrow();
        assertThat(road.get("group").asString()).isEqualTo("市政公用设施");
        assertThat(road.get("service_name").asString()).isEqualTo("道路破损");
        assertThat(road.get("emergency").asBoolean()).isFalse();
        var fire = json.json()
                .valueStream()
                .filter(s -> s.get("service_code").asString().equals("EMERGENCY-FIRE"))
                .findFirst()
                .orElseThrow();
        assertThat(fire.get("emergency").asBoolean())
                .as("the raise page tells the reporter to call 119 / 110 / 120")
                .isTrue();
        assertThat(fire.get("default_urgency").asString()).isEqualTo("URGENT");
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("services");
        assertThat(xml.getElementsByTagName("service").getLength())
                .isEqualTo(json.json().size());
    }

    @Test
    void definesAServiceWithItsAttributes() {
        var json = get("/open311/v2/services/MUNICIPAL-ROAD-DAMAGE.json");
        var xml = xml(get("/open311/v2/services/MUNICIPAL-ROAD-DAMAGE.xml"));

        assertThat(schema("service-definition.json").validate(json.json())).isEmpty();
        assertThat(json.json().at("/attributes/0/code").asString()).isEqualTo("urgency");
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("service_definition");
        assertThat(xml.getElementsByTagName("attribute").getLength()).isOne();
        assertThat(xml.getElementsByTagName("value").getLength()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    void raisesAWhistleThroughPostRequestsAndFindsItAgain(String format) {
        var submitted = submit(format);

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        String id;
        if (format.equals("json")) {
            assertThat(submitted.json().isArray()).isTrue();
            assertThat(submitted.json().get(0).propertyNames())
                    .containsExactly("service_request_id", "service_notice", "account_id");
            id = submitted.json().at("/0/service_request_id").asString();
            assertThat(submitted.json().at("/0/account_id").isNull()).isTrue();
        } else {
            var doc = xml(submitted);
            assertThat(doc.getDocumentElement().getTagName()).isEqualTo("service_requests");
            id = doc.getElementsByTagName("service_request_id").item(0).getTextContent();
        }
        var raised = (WhistleRaised) published(Topics.WHISTLE_RAISED, id).data();
        assertThat(raised.channel()).isEqualTo(Channel.OPEN311);
        assertThat(raised.gridId()).isEqualTo(DemoCity.P1_GRID);

        var one = get("/open311/v2/requests/" + id + ".json?" + JURISDICTION);
        var listed = get("/open311/v2/requests.json?service_request_id=" + id + "&api_key=" + KEY);
        var oneXml = xml(get("/open311/v2/requests/" + id + ".xml"));
        var token = get("/open311/v2/tokens/" + id + ".json");

        assertEachValid(one.json(), "request.json");
        assertThat(one.json().at("/0/status").asString()).isEqualTo("open");
        assertThat(one.json().at("/0/requested_datetime").asString()).endsWith("+08:00");
        assertThat(one.json().at("/0/description").isNull())
                .as("no description without an api key")
                .isTrue();
        assertEachValid(listed.json(), "request.json");
        assertThat(listed.json().at("/0/description").asString()).startsWith("Open311 路面破损");
        assertThat(oneXml.getElementsByTagName("request").getLength()).isOne();
        assertThat(token.json().at("/0/service_request_id").asString()).isEqualTo(id);
    }

    @Test
    void acceptsAMultipartRequestWithAPhoto() {
        var parts = new Parts()
                .field("api_key", KEY)
                .field("jurisdiction_id", "qiqihar.gov.cn")
                .field("service_code", "MUNICIPAL-MANHOLE")
                .field("lat", "47.9218")
                .field("long", "123.5046")
                .field("description", "井盖缺失 " + UUID.randomUUID())
                .file("media", "manhole.jpg", Samples.jpegWithLocation(), MediaType.IMAGE_JPEG);

        var response = postMultipart("/open311/v2/requests.json", parts, h -> {});

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var raised = (WhistleRaised) published(
                        Topics.WHISTLE_RAISED,
                        response.json().at("/0/service_request_id").asString())
                .data();
        assertThat(raised.evidence()).hasSize(1);
    }

    @Test
    void filtersRequestsByServiceStatusAndPages() {
        submit("json");
        submit("json");

        var page = get("/open311/v2/requests.json?service_code=MUNICIPAL-ROAD-DAMAGE&status=open&page_size=1&page=1"
                + "&start_date=2000-01-01T00:00:00+08:00");
        var closed = get("/open311/v2/requests.json?status=closed&service_code=UTILITIES-GAS");

        assertEachValid(page.json(), "request.json");
        assertThat(page.json().size()).isOne();
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().isArray()).isTrue();
        assertThat(xml(get("/open311/v2/requests.xml?status=open"))
                        .getDocumentElement()
                        .getTagName())
                .isEqualTo("service_requests");
    }

    @Test
    void answersErrorsWithTheSpecsBodiesInTheRequestedFormat() {
        var noKey = postForm(
                "/open311/v2/requests.json",
                form("service_code", "MUNICIPAL-ROAD-DAMAGE", "lat", "47.9", "long", "123.5"),
                h -> {});
        var badKey = submit("xml", "api_key", "nope");
        var noService = submit("json", "service_code", "NO-SUCH");
        var noLocation = submit("json", "lat", "", "long", "");
        var badPhone = submit("json", "phone", "12345");
        var otherJurisdiction = get("/open311/v2/services.json?jurisdiction_id=beijing.gov.cn");
        var unknownRequest = get("/open311/v2/requests/" + UUID.randomUUID() + ".xml");
        var badDate = get("/open311/v2/requests.json?start_date=yesterday");

        assertThat(noKey.status()).isEqualTo(403);
        assertThat(noKey.json().at("/0/code").asInt()).isEqualTo(403);
        assertThat(badKey.status()).isEqualTo(403);
        assertThat(xml(badKey).getDocumentElement().getTagName()).isEqualTo("errors");
        assertThat(noService.status()).isEqualTo(404);
        assertThat(noLocation.status()).isEqualTo(400);
        assertThat(noLocation.json().at("/0/description").asString()).contains("lat");
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(otherJurisdiction.status()).isEqualTo(404);
        assertThat(unknownRequest.status()).isEqualTo(404);
        assertThat(xml(unknownRequest).getElementsByTagName("error").getLength())
                .isOne();
        assertThat(badDate.status()).isEqualTo(400);
    }

    @Test
    void reportsAndTakesServiceRequestUpdates() {
        var id = submit("json").json().at("/0/service_request_id").asString();

        var posted = postForm(
                "/open311/v2/servicerequestupdates.json",
                form("api_key", KEY, "service_request_id", id, "description", "还没修好"),
                h -> {});
        var json = get("/open311/v2/servicerequestupdates.json");
        var xml = xml(get("/open311/v2/servicerequestupdates.xml"));

        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        assertThat(posted.json().at("/0/update_id").asString()).isNotBlank();
        assertThat(json.json().findValuesAsString("service_request_id")).contains(id);
        assertThat(json.json()
                        .valueStream()
                        .filter(u -> u.get("service_request_id").asString().equals(id)))
                .allSatisfy(
                        u -> assertThat(u.get("updated_datetime").asString()).endsWith("+08:00"));
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("service_request_updates");
    }
}
