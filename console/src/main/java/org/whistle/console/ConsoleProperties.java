package org.whistle.console;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the pages are told at {@code /console-config.json}. Without a tile URL the maps draw the grids alone; with one
 * (Tianditu in production: {@code https://t{s}.tianditu.gov.cn/vec_w/wmts?...&tk=KEY}) its origin is also allowed as
 * an image source. Base maps must be WGS-84/CGCS2000 Web Mercator tiles, as Tianditu's are: the grids are stored in
 * WGS-84, and GCJ-02 tiles (AMap, Tencent) would put them some hundred metres off.
 *
 * @param tileUrl Leaflet URL template of the base map, or none
 * @param labelUrl URL template of a label overlay drawn above the base map (Tianditu's {@code cva_w}), or none
 * @param subdomains what {@code {s}} in the templates stands for
 * @param attribution the base map's attribution, shown on the map as required by its terms
 * @param maxZoom the deepest zoom the base map serves
 */
@ConfigurationProperties("whistle.console.map")
public record ConsoleProperties(
        @Nullable String tileUrl,
        @Nullable String labelUrl,
        @Nullable List<String> subdomains,
        @Nullable String attribution,
        @Nullable Integer maxZoom) {

    public ConsoleProperties {
        tileUrl = blankToNull(tileUrl);
        labelUrl = blankToNull(labelUrl);
        subdomains = subdomains == null ? List.of() : List.copyOf(subdomains);
        attribution = blankToNull(attribution);
        maxZoom = maxZoom == null ? 18 : maxZoom;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
