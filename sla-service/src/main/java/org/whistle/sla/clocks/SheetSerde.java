package org.whistle.sla.clocks;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.whistle.sla.clocks.domain.TicketClocks;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for a ticket's clock sheet in the state store and its changelog. Fields are read and written directly, so the
 * domain keeps its invariants behind methods; unknown fields are ignored, so a newer version's sheets stay readable.
 */
final class SheetSerde implements Serde<TicketClocks> {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultVisibility(visibility -> visibility
                    .withFieldVisibility(Visibility.ANY)
                    .withGetterVisibility(Visibility.NONE)
                    .withIsGetterVisibility(Visibility.NONE)
                    .withSetterVisibility(Visibility.NONE)
                    .withCreatorVisibility(Visibility.NONE)
                    .withScalarConstructorVisibility(Visibility.NONE))
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Override
    public Serializer<TicketClocks> serializer() {
        return (topic, sheet) -> sheet == null ? null : MAPPER.writeValueAsBytes(sheet);
    }

    @Override
    public Deserializer<TicketClocks> deserializer() {
        return (topic, bytes) -> bytes == null ? null : MAPPER.readValue(bytes, TicketClocks.class);
    }
}
