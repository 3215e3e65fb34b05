package org.whistle.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.core.io.ClassPathResource;

/**
 * The console's map code as the pages run it, in Debian's headless chromium (skipped without it): the WGS-84 →
 * GCJ-02 shift against the points eviltransform (github.com/googollee/eviltransform) and coordtransform
 * (github.com/wandergis/coordtransform) publish in their tests, the way back, and Leaflet drawing WGS-84 points on
 * GCJ-02 tiles without Leaflet's own attribution prefix. The files are served as the gateway serves them, from the
 * jar's {@code META-INF/resources}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapInABrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Map<String, String> TYPES =
            Map.of("js", "text/javascript", "css", "text/css", "html", "text/html; charset=utf-8", "png", "image/png");

    /** wgsLat, wgsLng, gcjLat, gcjLng: Shanghai, Shenzhen, Beijing (eviltransform), Tiananmen (coordtransform). */
    private static final List<double[]> REFERENCE = List.of(
            new double[] {31.1774276, 121.5272106, 31.17530398364597, 121.531541859215},
            new double[] {22.543847, 113.912316, 22.540796131694766, 113.9171764808363},
            new double[] {39.911954, 116.377817, 39.91334545536069, 116.38404722455657},
            new double[] {39.915, 116.404, 39.91640428150164, 116.41024449916938});

    private HttpServer server;
    private ChromeDriver browser;
    private String base;

    @BeforeAll
    void start() throws IOException {
        assumeThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("needs Debian's chromium and chromium-driver")
                .isTrue();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            var path = exchange.getRequestURI().getPath();
            byte[] body;
            String type;
            if (path.equals("/blank.html")) {
                body =
                        "<!doctype html><html><head><link rel=\"stylesheet\" href=\"/webjars/leaflet/1.9.4/dist/leaflet.css\">"
                                .concat(
                                        "</head><body><div id=\"map\" style=\"width:400px;height:300px\"></div></body></html>")
                                .getBytes(StandardCharsets.UTF_8);
                type = TYPES.get("html");
            } else {
                var resource = new ClassPathResource("META-INF/resources" + path);
                if (path.contains("..") || !resource.exists()) {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                    return;
                }
                body = resource.getContentAsByteArray();
                type = TYPES.getOrDefault(path.substring(path.lastIndexOf('.') + 1), "application/octet-stream");
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"));
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        browser.get(base + "/blank.html");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    private Object run(String script, Object... args) {
        return browser.executeAsyncScript(script, args);
    }

    @Test
    void shiftsWgs84PointsToGcj02AsThePublishedReferencePointsSay() {
        for (var point : REFERENCE) {
            @SuppressWarnings("unchecked")
            var shifted = (List<Number>) run("""
                    const done = arguments[arguments.length - 1];
                    import('/assets/js/coords.js').then((m) => done(m.wgsToGcj(arguments[0], arguments[1])))
                      .catch((e) => done(String(e)));
                    """, point[0], point[1]);
            assertThat(shifted.get(0).doubleValue()).isCloseTo(point[2], org.assertj.core.data.Offset.offset(1e-9));
            assertThat(shifted.get(1).doubleValue()).isCloseTo(point[3], org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void findsTheWgs84PointBackFromItsGcj02ShiftToAMillimetre() {
        for (var point : REFERENCE) {
            @SuppressWarnings("unchecked")
            var back = (List<Number>) run("""
                    const done = arguments[arguments.length - 1];
                    import('/assets/js/coords.js').then((m) => done(m.gcjToWgs(arguments[0], arguments[1])))
                      .catch((e) => done(String(e)));
                    """, point[2], point[3]);
            assertThat(back.get(0).doubleValue()).isCloseTo(point[0], org.assertj.core.data.Offset.offset(1e-8));
            assertThat(back.get(1).doubleValue()).isCloseTo(point[1], org.assertj.core.data.Offset.offset(1e-8));
        }
    }

    @Test
    void leavesPointsOutsideChinaAsTheyAre() {
        @SuppressWarnings("unchecked")
        var london = (List<Number>) run("""
                const done = arguments[arguments.length - 1];
                import('/assets/js/coords.js').then((m) => done(m.wgsToGcj(51.5007, -0.1246))).catch((e) => done(String(e)));
                """);
        assertThat(london.get(0).doubleValue()).isEqualTo(51.5007);
        assertThat(london.get(1).doubleValue()).isEqualTo(-0.1246);
    }

    @Test
    void drawsWgs84PointsWhereGcj02TilesShowThemAndNamesOnlyTheTileProvider() {
        @SuppressWarnings("unchecked")
        var answer = (Map<String, Object>) run("""
                const done = arguments[arguments.length - 1];
                const script = document.createElement('script');
                script.src = '/webjars/leaflet/1.9.4/dist/leaflet.js';
                script.onload = async () => {
                  try {
                    const { createMap } = await import('/assets/js/map.js');
                    const { wgsToGcj } = await import('/assets/js/coords.js');
                    const config = { mapTileUrl: '/tiles/{z}/{x}/{y}.png', mapAttribution: '天地图 GS(2024)0568号',
                      mapCoordinates: 'GCJ02' };
                    const { map } = createMap(document.getElementById('map'), config);
                    const wgs = L.latLng(47.9218, 123.5046);
                    const drawn = map.options.crs.latLngToPoint(wgs, 12);
                    const [lat, lng] = wgsToGcj(wgs.lat, wgs.lng);
                    const expected = L.CRS.EPSG3857.latLngToPoint(L.latLng(lat, lng), 12);
                    const back = map.options.crs.pointToLatLng(drawn, 12);
                    done({ dx: drawn.x - expected.x, dy: drawn.y - expected.y, backLat: back.lat, backLng: back.lng,
                      attribution: document.querySelector('.leaflet-control-attribution').textContent });
                  } catch (e) { done({ error: String(e) }); }
                };
                document.head.append(script);
                """);
        assertThat(answer).doesNotContainKey("error");
        assertThat(((Number) answer.get("dx")).doubleValue()).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(((Number) answer.get("dy")).doubleValue()).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(((Number) answer.get("backLat")).doubleValue())
                .isCloseTo(47.9218, org.assertj.core.data.Offset.offset(1e-8));
        assertThat(((Number) answer.get("backLng")).doubleValue())
                .isCloseTo(123.5046, org.assertj.core.data.Offset.offset(1e-8));
        assertThat((String) answer.get("attribution")).isEqualTo("天地图 GS(2024)0568号");
    }

    @Test
    void clustersTheWallsEventPointsAtLowZoomByTheirMostPressingAndShowsEachCloseUp() {
        @SuppressWarnings("unchecked")
        var answer = (Map<String, Object>) run("""
                const done = arguments[arguments.length - 1];
                const script = document.createElement('script');
                script.src = '/webjars/leaflet/1.9.4/dist/leaflet.js';
                script.onload = async () => {
                  try {
                    const { createMap, eventPoints } = await import('/assets/js/map.js');
                    const element = document.createElement('div');
                    element.style.cssText = 'width:400px;height:300px';
                    document.body.append(element);
                    const { map } = createMap(element, {});
                    map.setView([47.92, 123.50], 10, { animate: false });
                    const draw = eventPoints(map, (n) => `${n} 件`);
                    draw([
                      { lat: 47.92, lng: 123.50, label: 'a', urgent: false, overdue: true },
                      { lat: 47.92, lng: 123.50, label: 'b', urgent: true, overdue: false },
                      { lat: 47.92, lng: 123.50, label: 'c', urgent: false, overdue: false },
                      { lat: 47.62, lng: 123.90, label: 'd', urgent: true, overdue: false },
                    ]);
                    const count = (css) => element.querySelectorAll(css).length;
                    const far = { clusters: count('path.event-cluster'), overdueClusters: count('path.event-cluster.overdue'),
                      points: count('path.event-point'), urgentPoints: count('path.event-point.urgent'),
                      label: [...element.querySelectorAll('.event-count')].map((e) => e.textContent).join(',') };
                    map.setView([47.92, 123.50], 15, { animate: false });
                    const near = { clusters: count('path.event-cluster'), points: count('path.event-point'),
                      overdue: count('path.event-point.overdue'), urgent: count('path.event-point.urgent'),
                      open: count('path.event-point.open') };
                    done({ far, near });
                  } catch (e) { done({ error: String(e) }); }
                };
                document.head.append(script);
                """);
        assertThat(answer).doesNotContainKey("error");
        assertThat((Map<String, Object>) answer.get("far"))
                .containsEntry("clusters", 1L)
                .containsEntry("overdueClusters", 1L)
                .containsEntry("points", 1L)
                .containsEntry("urgentPoints", 1L)
                .containsEntry("label", "3 件");
        // close up, the far one is out of view but still drawn: every point is its own, coloured by itself
        assertThat((Map<String, Object>) answer.get("near"))
                .containsEntry("clusters", 0L)
                .containsEntry("points", 4L)
                .containsEntry("overdue", 1L)
                .containsEntry("urgent", 2L)
                .containsEntry("open", 1L);
    }
}
