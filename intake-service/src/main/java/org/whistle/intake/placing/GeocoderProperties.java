package org.whistle.intake.placing;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code whistle.intake.geocoder.*}.
 *
 * @param provider {@code gazetteer} or {@code none}
 * @param gazetteerFile a CSV of {@code name,node_code,kind} (kind ROAD or LANDMARK), e.g. the demo city's
 *     {@code demo/city/gazetteer.csv}; without one the gazetteer knows no names
 * @param maxProposals the most grids one answer proposes
 */
@ConfigurationProperties("whistle.intake.geocoder")
public record GeocoderProperties(
        @Nullable String provider,
        @Nullable String gazetteerFile,
        @Nullable Integer maxProposals) {

    public GeocoderProperties {
        provider = provider == null || provider.isBlank() ? "gazetteer" : provider.strip();
        maxProposals = maxProposals == null ? 10 : maxProposals;
    }
}
