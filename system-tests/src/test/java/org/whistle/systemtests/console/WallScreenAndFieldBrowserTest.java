package org.whistle.systemtests.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.whistle.systemtests.Casework;
import org.whistle.systemtests.Casework.Level;
import org.whistle.systemtests.Casework.Stage;
import org.whistle.systemtests.Place;
import org.whistle.systemtests.Platform;
import org.whistle.systemtests.SharedLocalStack;

/**
 * Issue 23's 大屏 and field workbench in Chromium, through the gateway: the street centre's wall at 1920×1080 and
 * 3840×2160 shows every panel without a scrollbar; the city's wall names its districts on the map; a roads officer's
 * phone opens the tapped task in place with the address, a map, a route and the reporter's phone, records 先行联系,
 * and every control is at least 44 px. Screenshots go under {@code target/console-screenshots/}.
 */
@ExtendWith(SharedLocalStack.class)
class WallScreenAndFieldBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    private static final Duration PAGE = Duration.ofSeconds(45);
    private static final List<String> PANELS = List.of(
            "screen-kpis",
            "screen-rates",
            "screen-map",
            "screen-alarms",
            "screen-categories",
            "screen-feed",
            "screen-parts",
            "screen-trend",
            "screen-units");

    @Test
    void showsTheStreetCentresWallOnOneScreenWithoutScrollingAndTheCitysDistrictsByName(Platform platform)
            throws IOException {
        assumeTrue(Browsers.present(), "needs Debian's chromium and chromium-driver");
        var casework = new Casework(platform);
        for (var stage : List.of(Stage.RAISED, Stage.DISPATCHED, Stage.IN_PROGRESS, Stage.CLOSED)) {
            bring(casework, stage);
        }
        Files.createDirectories(SCREENSHOTS);
        var wall = Browsers.bigScreen();
        try {
            viewport(wall, 1920, 1080);
            signIn(wall, platform, "gn.street.sunhongwei", "/screen.html");
            until(wall, d -> text(d, "[data-test=live-state]").equals("实时连接"));
            until(
                    wall,
                    d -> !d.findElements(By.cssSelector("path.leaflet-interactive"))
                            .isEmpty());
            until(wall, d -> text(d, "[data-test=screen-open]").matches("[1-9]\\d*"));
            // The open events as points (clustered at the street's zoom), from dispatch's bounded read of the view.
            until(
                    wall,
                    d -> !d.findElements(By.cssSelector("path.event-point, path.event-cluster"))
                            .isEmpty());
            assertThat(text(wall, "#screen-map-title")).matches("网格地图 · 最新 [1-9]\\d* 件未办结事件.*");
            until(
                    wall,
                    d -> !d.findElements(By.cssSelector("[data-test=screen-alarms] li"))
                            .isEmpty());
            assertThat(text(wall, "[data-test=screen-trend-summary]")).startsWith("近 7 天受理");
            assertThat(text(wall, "[data-test=screen-clock]")).matches(".*\\d{2}:\\d{2}:\\d{2}.*");
            assertThat(wall.findElements(By.cssSelector(".leaflet-control-attribution a")))
                    .as("no Leaflet prefix in the attribution")
                    .isEmpty();
            assertOnOneScreen(wall);
            screenshot(wall, "screen-street-1920x1080");

            viewport(wall, 3840, 2160);
            until(wall, d -> (Long) ((JavascriptExecutor) d).executeScript("return window.innerWidth") == 3840);
            assertOnOneScreen(wall);
            screenshot(wall, "screen-street-3840x2160");
            viewport(wall, 1920, 1080);

            signOut(wall, platform);
            signIn(wall, platform, "qq.city.zhoujian", "/screen.html");
            until(wall, d -> d.findElements(By.cssSelector(".area-label")).size() >= 2);
            assertThat(labelsOverlap(wall))
                    .as("district labels printed over each other")
                    .isEmpty();
            var labels = wall.findElements(By.cssSelector(".area-label")).stream()
                    .map(e -> e.getText())
                    .toList();
            assertThat(labels).anySatisfy(label -> assertThat(label).contains("甘南县"));
            assertOnOneScreen(wall);
            screenshot(wall, "screen-city-1920x1080");
        } finally {
            wall.quit();
        }
    }

    @Test
    void opensTheTappedTaskInPlaceWithTheWayThereAndRecordsTheFirstContact(Platform platform) throws Exception {
        assumeTrue(Browsers.present(), "needs Debian's chromium and chromium-driver");
        var casework = new Casework(platform);
        var number = bring(casework, Stage.IN_PROGRESS);
        Files.createDirectories(SCREENSHOTS);
        var phone = Browsers.phone();
        try {
            signIn(phone, platform, "gn.lzg.mahaitao", "/unit.html");
            var item = "[data-test=unit-queue] li[data-ticket='" + number + "']";
            until(phone, d -> !d.findElements(By.cssSelector(item)).isEmpty());
            assertThat(text(phone, item + " [data-test=countdown]")).isNotBlank();
            phone.findElement(By.cssSelector(item + " [data-test=open-task]")).click();
            until(
                    phone,
                    d -> !d.findElements(By.cssSelector(item + " [data-test=task-detail] [data-test=navigate]"))
                            .isEmpty());
            assertThat(phone.findElement(By.cssSelector(item + " [data-test=navigate]"))
                            .getDomAttribute("href"))
                    .startsWith("https://uri.amap.com/navigation?")
                    .contains("coordinate=wgs84");
            until(
                    phone,
                    d -> !d.findElements(By.cssSelector(item + " [data-test=task-map] .leaflet-pane"))
                            .isEmpty());
            assertThat(text(phone, item + " [data-test=reporter-phone]")).startsWith("反映人：");
            assertEveryTapTargetIsBigEnough(phone);
            screenshot(phone, "unit-field-task-phone");

            phone.findElement(By.cssSelector(item + " [data-test=open-contacted]"))
                    .click();
            phone.findElement(By.id("contact-note")).sendKeys("已电话联系反映人，约定今天下午到场。");
            phone.findElement(By.cssSelector("[data-test=send-contacted]")).click();
            until(
                    phone,
                    d -> !d.findElements(By.cssSelector(item + " [data-test=task-detail] p.ok"))
                            .isEmpty());
            until(phone, d -> text(d, item + " [data-test=clocks]").contains("联系"));
            screenshot(phone, "unit-field-contacted-phone");
        } finally {
            phone.quit();
        }
        try (var client = HttpClient.newHttpClient()) {
            var icon = client.send(
                    HttpRequest.newBuilder(platform.gateway().base().resolve("/favicon.ico"))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(icon.statusCode()).isEqualTo(200);
            var library = client.send(
                    HttpRequest.newBuilder(platform.gateway().base().resolve("/webjars/leaflet/1.9.4/dist/leaflet.js"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(library.headers().firstValue("Cache-Control"))
                    .hasValueSatisfying(v -> assertThat(v).contains("immutable"));
        }
    }

    /** The page's viewport exactly as a wall display's, whatever the window's frame takes. */
    private static void viewport(ChromeDriver driver, int width, int height) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** A ticket at the seed's crossing, handled by the street, brought to the stage; answers its number. */
    private static String bring(Casework casework, Stage stage) {
        var place = Place.CROSSING;
        var whistle =
                casework.raise(Casework.OBSERVER, place, place.category, "APP", "NORMAL", "路口路面破损，车辆绕行，请尽快修复。", null);
        var ticket = casework.awaitTicket(whistle.path("id").asString());
        casework.bring(ticket.path("id").asString(), place, Level.STREET, stage);
        return ticket.path("number").asString();
    }

    /** No scrollbar either way, and every panel drawn inside the viewport with room for its content. */
    @SuppressWarnings("unchecked")
    private static void assertOnOneScreen(ChromeDriver driver) {
        var sizes = (Map<String, Object>) driver.executeScript("""
                const e = document.documentElement;
                return { sw: e.scrollWidth, sh: e.scrollHeight, w: window.innerWidth, h: window.innerHeight };
                """);
        assertThat(((Number) sizes.get("sh")).longValue())
                .as("page height")
                .isLessThanOrEqualTo(((Number) sizes.get("h")).longValue());
        assertThat(((Number) sizes.get("sw")).longValue())
                .as("page width")
                .isLessThanOrEqualTo(((Number) sizes.get("w")).longValue());
        for (var panel : PANELS) {
            var box = (Map<String, Object>) driver.executeScript("""
                    const r = document.querySelector('[data-test="' + arguments[0] + '"]').getBoundingClientRect();
                    return { top: r.top, left: r.left, bottom: r.bottom, right: r.right, height: r.height };
                    """, panel);
            assertThat(((Number) box.get("top")).doubleValue()).as(panel).isGreaterThanOrEqualTo(0);
            assertThat(((Number) box.get("left")).doubleValue()).as(panel).isGreaterThanOrEqualTo(0);
            assertThat(((Number) box.get("bottom")).doubleValue())
                    .as(panel)
                    .isLessThanOrEqualTo(((Number) sizes.get("h")).doubleValue());
            assertThat(((Number) box.get("right")).doubleValue())
                    .as(panel)
                    .isLessThanOrEqualTo(((Number) sizes.get("w")).doubleValue());
            assertThat(((Number) box.get("height")).doubleValue()).as(panel).isGreaterThan(60);
        }
    }

    /** Pairs of area labels on the map whose boxes overlap. */
    @SuppressWarnings("unchecked")
    private static List<String> labelsOverlap(ChromeDriver driver) {
        return (List<String>) driver.executeScript("""
                const boxes = [...document.querySelectorAll('.area-label')].map((e) => [e.innerText, e.getBoundingClientRect()]);
                const found = [];
                boxes.forEach(([a, p], i) => boxes.slice(i + 1).forEach(([b, q]) => {
                  if (p.left < q.right && p.right > q.left && p.top < q.bottom && p.bottom > q.top) found.push(a + ' / ' + b);
                }));
                return found;
                """);
    }

    /** Every visible button, link and form control on the page is at least 44 × 44 CSS pixels (text links in prose aside). */
    @SuppressWarnings("unchecked")
    private static void assertEveryTapTargetIsBigEnough(ChromeDriver driver) {
        var small = (List<String>) driver.executeScript("""
                return [...document.querySelectorAll('button, a.button, select, input:not([type=hidden]), .leaflet-bar a')]
                  .filter((e) => e.offsetParent !== null && !e.classList.contains('skip'))
                  .map((e) => [e, e.getBoundingClientRect()])
                  .filter(([e, r]) => r.height < 44 || (e.type !== 'file' && r.width < 44))
                  .map(([e, r]) => `${e.tagName} "${(e.innerText || e.value || '').trim()}" ${Math.round(r.width)}×${Math.round(r.height)}`);
                """);
        assertThat(small).as("tap targets under 44 px").isEmpty();
    }

    private static void signIn(ChromeDriver driver, Platform platform, String username, String page) {
        driver.get(platform.gateway()
                .base()
                .resolve("/bff/login?return=" + URLEncoder.encode(page, StandardCharsets.UTF_8))
                .toString());
        until(driver, d -> !d.findElements(By.id("username")).isEmpty());
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password"))
                .sendKeys(platform.accounts().user(username).password());
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        until(driver, d -> !d.findElements(By.cssSelector("[data-test=who]")).isEmpty());
    }

    private static void signOut(ChromeDriver driver, Platform platform) {
        driver.get(platform.gateway().base().resolve("/").toString());
        until(
                driver,
                d -> !d.findElements(By.xpath("//button[normalize-space()='退出']"))
                        .isEmpty());
        driver.findElement(By.xpath("//button[normalize-space()='退出']")).click();
        until(
                driver,
                d -> !d.findElements(By.cssSelector("[data-test=sign-in]")).isEmpty());
        driver.manage().deleteAllCookies();
    }

    private static String text(WebDriver driver, String css) {
        var found = driver.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.getFirst().getText().trim();
    }

    private static void until(WebDriver driver, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, PAGE, Duration.ofMillis(250))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    private static void screenshot(ChromeDriver driver, String name) throws IOException {
        var shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        Files.write(
                SCREENSHOTS.resolve(name + ".png"),
                java.util.Base64.getDecoder().decode((String) shot.get("data")));
    }
}
