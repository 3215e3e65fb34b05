package org.whistle.gateway.pages;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.gateway.EdgeProperties;

/**
 * {@code GET /bff/config}: the deployment's settings the pages need before they draw anything: the base map's tile
 * template (a tile server's or the gateway's own folder of tiles), its attribution and subdomains, and the datum its
 * tiles are drawn in. Without tiles the maps show the grid polygons alone.
 */
@RestController
class PageSettingsController {

    private final EdgeProperties edge;

    PageSettingsController(EdgeProperties edge) {
        this.edge = edge;
    }

    @GetMapping("/bff/config")
    ResponseEntity<Map<String, Object>> settings() {
        var settings = new LinkedHashMap<String, Object>();
        settings.put("mapTileUrl", edge.console().tileTemplate());
        settings.put("mapAttribution", edge.console().mapAttribution());
        settings.put("mapTileSubdomains", edge.console().mapTileSubdomains());
        settings.put("mapCoordinates", edge.console().mapCoordinates());
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(settings);
    }
}
