package org.whistle.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static Stream<EventData> samples() {
        return Stream.concat(SampleEvents.all().stream(), SampleEvents.withoutOptionals().stream());
    }

    @Test
    void samplesCoverEveryEventType() {
        var covered = SampleEvents.all().stream().map(EventType::of).collect(Collectors.toSet());
        assertThat(covered)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values())
                        .filter(type -> !type.superseded())
                        .toList());
    }

    @Test
    void readsASupersededVersionIntoTheCurrentRecordWithoutItsRemovedFields() {
        var raised = SampleEvents.all().getFirst();
        var document = (ObjectNode) JSON.readTree(EventCodec.instance().encode(SampleEvents.envelope(raised)));
        document.put("version", 1);
        ((ObjectNode) document.get("data")).put("trackingCode", "QQ20261127-7K3M9QX2PA");
        assertThat(schemaOf(EventType.WHISTLE_RAISED_V1).validate(document)).isEmpty();

        var read = EventCodec.instance().decode(JSON.writeValueAsString(document));

        assertThat(read.version()).isEqualTo(1);
        assertThat(read.eventType()).isEqualTo(EventType.WHISTLE_RAISED_V1);
        assertThat(read.data()).isEqualTo(raised);
        assertThat(EventType.of(raised)).isEqualTo(EventType.WHISTLE_RAISED);
        assertThat(EventCodec.instance().encodeToString(SampleEvents.envelope(raised)))
                .as("the reporter's secret is not on the bus")
                .doesNotContain("trackingCode");
    }

    @Test
    void readsWhistleRoutedV1IntoTheV2RecordWithItsPriorityAsUrgencyAndItsDeadlinesDropped() {
        var routed = SampleEvents.all().stream()
                .filter(WhistleRouted.class::isInstance)
                .map(WhistleRouted.class::cast)
                .filter(data -> data.urgency() == Urgency.NORMAL)
                .findFirst()
                .orElseThrow();
        var document = (ObjectNode) JSON.readTree(EventCodec.instance().encode(SampleEvents.envelope(routed)));
        document.put("version", 1);
        var data = (ObjectNode) document.get("data");
        data.remove("urgency");
        data.put("priority", "NORMAL");
        data.putObject("deadlines").put("RESOLVE", "P7D");
        assertThat(schemaOf(EventType.WHISTLE_ROUTED_V1).validate(document)).isEmpty();
        assertThat(schemaOf(EventType.WHISTLE_ROUTED).validate(document)).isNotEmpty();

        var read = EventCodec.instance().decode(JSON.writeValueAsString(document));

        assertThat(read.eventType()).isEqualTo(EventType.WHISTLE_ROUTED_V1);
        assertThat(read.data()).isEqualTo(routed);
        assertThat(EventType.of(routed)).isEqualTo(EventType.WHISTLE_ROUTED);
        assertThat(EventCodec.instance().encodeToString(SampleEvents.envelope(routed)))
                .as("producers write v2: urgency, no priority, no deadlines")
                .contains("\"version\":2")
                .contains("\"urgency\":\"NORMAL\"")
                .doesNotContain("priority")
                .doesNotContain("deadlines");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void serialisesToADocumentItsSchemaAccepts(EventData data) {
        var document = JSON.readTree(EventCodec.instance().encode(SampleEvents.envelope(data)));

        assertThat(schemaOf(EventType.of(data)).validate(document)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void readsBackWhatItWrites(EventData data) {
        var envelope = SampleEvents.envelope(data);

        assertThat(EventCodec.instance().decode(EventCodec.instance().encode(envelope)))
                .isEqualTo(envelope);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void marksHistoryInADocumentItsSchemaAcceptsAndReadsTheMarkBack(EventData data) {
        var history = SampleEvents.envelope(data).asHistory();
        var document = JSON.readTree(EventCodec.instance().encode(history));

        assertThat(document.get("origin").asString()).isEqualTo("HISTORY");
        assertThat(schemaOf(EventType.of(data)).validate(document)).isEmpty();
        assertThat(EventCodec.instance().decode(EventCodec.instance().encode(history)))
                .isEqualTo(history)
                .matches(EventEnvelope::isHistory);
    }

    @Test
    void writesALiveEventWithoutAnOriginAndReadsAnOldDocumentAsLive() {
        var live = SampleEvents.envelope(SampleEvents.all().getFirst());

        assertThat(EventCodec.instance().encodeToString(live)).doesNotContain("origin");
        assertThat(EventCodec.instance()
                        .decode(EventCodec.instance().encode(live))
                        .isHistory())
                .isFalse();
        assertThat(EventHeaders.of(live)).doesNotContainKey(EventHeaders.ORIGIN);
        assertThat(EventHeaders.of(live.asHistory())).containsEntry(EventHeaders.ORIGIN, "HISTORY");
    }

    @Test
    void schemaRefusesAnOriginItDoesNotKnow() {
        var data = SampleEvents.all().getFirst();
        var document = (ObjectNode) JSON.readTree(EventCodec.instance().encode(SampleEvents.envelope(data)));
        document.put("origin", "SIMULATION");

        assertThat(schemaOf(EventType.of(data)).validate(document)).isNotEmpty();
        assertThatThrownBy(() -> EventCodec.instance().decode(JSON.writeValueAsString(document)))
                .isInstanceOf(EventDecodingException.class);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void toleratesFieldsAddedByANewerProducer(EventData data) {
        var envelope = SampleEvents.envelope(data);
        var document = (ObjectNode) JSON.readTree(EventCodec.instance().encode(envelope));
        document.put("partition_hint", 3);
        var payload = (ObjectNode) document.get("data");
        payload.put("addedInAMinorRelease", "新字段");
        payload.putObject("nestedNewThing").put("x", 1);
        Arrays.stream(data.getClass().getRecordComponents())
                .filter(component -> component.getType().isRecord())
                .map(component -> payload.get(component.getName()))
                .filter(JsonNode::isObject)
                .forEach(nested -> ((ObjectNode) nested).put("alsoNew", true));

        assertThat(EventCodec.instance().decode(JSON.writeValueAsString(document)))
                .isEqualTo(envelope);
    }

    @ParameterizedTest
    @EnumSource(
            value = EventType.class,
            names = {"WHISTLE_RAISED_V1", "WHISTLE_ROUTED_V1"},
            mode = EnumSource.Mode.EXCLUDE)
    void schemaNamesEveryFieldOfTheRecordAndRequiresExactlyTheNonNullableOnes(EventType type) {
        var dataSchema = schemaNode(type).get("properties").get("data");
        var components = Arrays.asList(type.dataClass().getRecordComponents());

        assertThat(dataSchema.get("properties").propertyNames())
                .containsExactlyInAnyOrderElementsOf(
                        components.stream().map(RecordComponent::getName).toList());
        assertThat(names(dataSchema.get("required")))
                .containsExactlyInAnyOrderElementsOf(components.stream()
                        .filter(c -> !c.getAnnotatedType().isAnnotationPresent(Nullable.class))
                        .map(RecordComponent::getName)
                        .toList());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void schemaRefusesADocumentWithoutARequiredDataField(EventData data) {
        var type = EventType.of(data);
        var document = (ObjectNode) JSON.readTree(EventCodec.instance().encode(SampleEvents.envelope(data)));
        String required = names(schemaNode(type).get("properties").get("data").get("required"))
                .getFirst();
        ((ObjectNode) document.get("data")).remove(required);

        assertThat(schemaOf(type).validate(document)).isNotEmpty();
        assertThatThrownBy(() -> EventCodec.instance().decode(JSON.writeValueAsString(document)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining(required);
    }

    @Test
    void refusesAnUnknownTypeOrVersionNamingIt() {
        var document = (ObjectNode) JSON.readTree(EventCodec.instance()
                .encode(SampleEvents.envelope(SampleEvents.all().getFirst())));
        document.put("version", 3);

        assertThatThrownBy(() -> EventCodec.instance().decode(JSON.writeValueAsString(document)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessage("unknown event type whistle-raised v3");
        assertThatThrownBy(() -> EventCodec.instance().decode("{\"type\":\"whistle-blown\",\"version\":1}"))
                .hasMessage("unknown event type whistle-blown v1");
        assertThatThrownBy(() -> EventCodec.instance().decode("not json"))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("not a JSON event envelope");
    }

    @Test
    void refusesAnEnvelopeWhoseWhistleIdDiffersFromItsData() {
        var document = (ObjectNode) JSON.readTree(EventCodec.instance()
                .encode(SampleEvents.envelope(SampleEvents.all().getFirst())));
        document.put("whistleId", WhistleId.newId().toString());

        assertThatThrownBy(() -> EventCodec.instance().decode(JSON.writeValueAsString(document)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("differs from the data's");
    }

    @Test
    void producersCannotBuildAnEventWithoutARequiredNestedField() {
        var raised = (WhistleRaised) SampleEvents.all().getFirst();
        var broken = new WhistleRaised(
                raised.whistleId(),
                raised.channel(),
                raised.categoryCode(),
                raised.description(),
                raised.location(),
                raised.gridId(),
                raised.streetId(),
                raised.urgency(),
                raised.reporter(),
                List.of(new EvidenceRef("m-1", null, "ab")),
                raised.raisedAt());

        assertThatThrownBy(() -> SampleEvents.envelope(broken))
                .hasMessage("required field missing: WhistleRaised.evidence[0].contentType");
    }

    @Test
    void envelopeCarriesTheTypeVersionTopicAndKeyOfItsData() {
        var routed = SampleEvents.envelope(SampleEvents.all().get(1));
        var unit = SampleEvents.envelope(SampleEvents.all().get(6));

        assertThat(routed.type()).isEqualTo("whistle-routed");
        assertThat(routed.topic()).isEqualTo(Topics.WHISTLE_ROUTED);
        assertThat(routed.key()).isEqualTo(SampleEvents.WHISTLE.toString());
        assertThat(routed.whistleId()).isEqualTo(SampleEvents.WHISTLE);
        assertThat(routed.occurredAt()).isEqualTo(SampleEvents.CLOCK.instant());
        assertThat(unit.topic()).isEqualTo(Topics.ORG_UNITS);
        assertThat(unit.key()).isEqualTo("grid-longsha-nanhang-yongan-03");
        assertThat(unit.whistleId()).isNull();
    }

    @Test
    void everyTypeHasASchemaFileAndEveryTopicOfATypeIsInTheCatalogue() {
        var topics = Topics.eventTopics().stream().map(TopicDefinition::name).collect(Collectors.toSet());
        for (var type : EventType.values()) {
            assertThat(EventContractTest.class.getResource(type.schemaResource()))
                    .as(type.schemaResource())
                    .isNotNull();
            assertThat(topics).contains(type.topic());
        }
    }

    private static Schema schemaOf(EventType type) {
        try (InputStream in = EventContractTest.class.getResourceAsStream(type.schemaResource())) {
            return SCHEMAS.getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode schemaNode(EventType type) {
        try (InputStream in = EventContractTest.class.getResourceAsStream(type.schemaResource())) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(JsonNode array) {
        var names = new java.util.ArrayList<String>();
        array.forEach(node -> names.add(node.asString()));
        return names;
    }
}
