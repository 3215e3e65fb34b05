package org.whistle.gateway.pages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.whistle.gateway.EdgeProperties;

/**
 * {@code GET /map-tiles/{z}/{x}/{y}.png}: the base map from a local folder ({@code <z>/<x>/<y>.png}, as tile
 * downloaders write them) for networks without internet. The path is built from three numbers inside the tile
 * pyramid, never from the request's text, so nothing outside the folder can be named; without a folder, or for a
 * tile the folder lacks, the answer is 404 and the map shows the grid outlines on its plain background.
 */
@RestController
class LocalTilesController {

    /** Deeper than any street-level tile set; bounds the numbers before they name a file. */
    static final int MAX_ZOOM = 20;

    private final @Nullable Path folder;

    LocalTilesController(EdgeProperties edge) {
        this.folder = edge.console().tileFolder();
    }

    @GetMapping("/map-tiles/{z}/{x}/{y}.png")
    ResponseEntity<Resource> tile(@PathVariable String z, @PathVariable String x, @PathVariable String y) {
        var zoom = number(z, MAX_ZOOM);
        if (folder == null || zoom < 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        var last = (1 << zoom) - 1;
        var column = number(x, last);
        var row = number(y, last);
        if (column < 0 || row < 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        var file = folder.resolve(Integer.toString(zoom))
                .resolve(Integer.toString(column))
                .resolve(row + ".png");
        if (!Files.isRegularFile(file)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .body(new FileSystemResource(file));
    }

    /** The decimal number in 0..max, or -1: at most two digits more than max has, so no long text is parsed. */
    private static int number(String text, int max) {
        if (text.isEmpty() || text.length() > 7 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        var value = Integer.parseInt(text);
        return value <= max ? value : -1;
    }
}
