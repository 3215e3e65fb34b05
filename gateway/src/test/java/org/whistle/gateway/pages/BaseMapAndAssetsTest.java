package org.whistle.gateway.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.whistle.gateway.EdgeProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offline base map (a folder of tiles the gateway serves), the datum the pages are told, and versioned WebJars
 * cached for a year.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "whistle.gateway.console.map-coordinates=GCJ02")
class BaseMapAndAssetsTest {

    private static final byte[] TILE = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};

    /** A one-tile pyramid: zoom 3, column 6, row 2 (the tile over Qiqihar), and a secret beside the folder. */
    private static final Path ROOT = folder();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void tileFolder(DynamicPropertyRegistry registry) {
        registry.add(
                "whistle.gateway.console.map-tile-folder",
                () -> ROOT.resolve("tiles").toString());
    }

    @Test
    void tellsThePagesToLoadTheLocalTilesInTheirDatum() throws Exception {
        var settings = JsonMapper.shared().readTree(get("/bff/config").body());

        assertThat(settings.get("mapTileUrl").asString()).isEqualTo("/map-tiles/{z}/{x}/{y}.png");
        assertThat(settings.get("mapCoordinates").asString()).isEqualTo("GCJ02");
    }

    @Test
    void servesATileFromTheFolder() throws Exception {
        var tile = getBytes("/map-tiles/3/6/2.png");

        assertThat(tile.statusCode()).isEqualTo(200);
        assertThat(tile.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(tile.body()).isEqualTo(TILE);
    }

    @Test
    void answersNotFoundForTilesOutsideThePyramidOrTheFolder() throws Exception {
        assertThat(getBytes("/map-tiles/3/6/3.png").statusCode()).isEqualTo(404);
        assertThat(getBytes("/map-tiles/3/8/2.png").statusCode()).isEqualTo(404);
        assertThat(getBytes("/map-tiles/21/6/2.png").statusCode()).isEqualTo(404);
        assertThat(getBytes("/map-tiles/3/-1/2.png").statusCode()).isEqualTo(404);
        assertThat(getBytes("/map-tiles/3/..%2F..%2Fsecret/2.png").statusCode()).isIn(400, 404);
        assertThat(getBytes("/map-tiles/3/6/0000000000002.png").statusCode()).isEqualTo(404);
        // Said as every other refusal of the gateway: a problem detail in Chinese, not an empty answer.
        var missing = getBytes("/map-tiles/3/6/3.png");
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(new String(missing.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"status\":404");
    }

    @Test
    void letsBrowsersKeepVersionedWebJarsButRevalidatePages() throws Exception {
        var script = get("/webjars/leaflet/1.9.4/dist/leaflet.js");
        var page = get("/policy-probe.html");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Cache-Control")).hasValue(VersionedAssetCaching.IMMUTABLE);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).doesNotContain("immutable", "max-age");
    }

    @Test
    void refusesATileServerAndATileFolderTogether() {
        assertThatThrownBy(() -> new EdgeProperties.Console(
                        "https://tiles.example/{z}/{x}/{y}.png", null, null, null, "/srv/tiles"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new EdgeProperties.Console("", null, null, null, "").tileTemplate())
                .isNull();
    }

    private static Path folder() {
        try {
            var root = Files.createTempDirectory("whistle-tiles");
            Files.createDirectories(root.resolve("tiles/3/6"));
            Files.write(root.resolve("tiles/3/6/2.png"), TILE);
            Files.writeString(root.resolve("secret"), "not a tile");
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        try (var client = HttpClient.newHttpClient()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private HttpResponse<byte[]> getBytes(String path) throws Exception {
        try (var client = HttpClient.newHttpClient()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
    }
}
