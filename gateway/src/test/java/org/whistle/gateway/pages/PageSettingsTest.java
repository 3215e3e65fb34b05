package org.whistle.gateway.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "whistle.gateway.console.map-tile-url=https://t{s}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&tk=K",
            "whistle.gateway.console.map-attribution=天地图 GS(2024)0568号",
            "whistle.gateway.console.map-tile-subdomains=01234567"
        })
class PageSettingsTest {

    @LocalServerPort
    private int port;

    @Test
    void tellsThePagesWhereTheBaseMapComesFrom() throws Exception {
        var response = get("/bff/config");

        var settings = JsonMapper.shared().readTree(response.body());
        assertThat(settings.get("mapTileUrl").asString()).startsWith("https://t{s}.tianditu.gov.cn/");
        assertThat(settings.get("mapAttribution").asString()).isEqualTo("天地图 GS(2024)0568号");
        assertThat(settings.get("mapTileSubdomains").asString()).isEqualTo("01234567");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(PagePolicy.NOTHING);
    }

    @Test
    void letsAPageLoadItsOwnScriptsAndTheTilesAndNothingElse() throws Exception {
        var page = get("/policy-probe.html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy ->
                        assertThat(policy).startsWith("default-src 'self'").contains("https://t*.tianditu.gov.cn"));
    }

    @Test
    void compressesPagesForBrowsersThatAcceptIt() throws Exception {
        var script = get("/webjars/vue/3.5.13/dist/vue.runtime.esm-browser.prod.js", "Accept-Encoding", "gzip");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Encoding")).hasValue("gzip");
    }

    @Test
    void leavesTheCachedPagesPolicyAloneWhenTheBrowserIsToldNotModified() throws Exception {
        var page = get("/policy-probe.html");
        var lastModified = page.headers().firstValue("Last-Modified").orElseThrow();

        var again = get("/policy-probe.html", "If-Modified-Since", lastModified);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.headers().firstValue("Content-Security-Policy")).isEmpty();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        try (var client = HttpClient.newHttpClient()) {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
            if (headers.length > 0) {
                request.headers(headers);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
