package org.whistle.systemtests.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.whistle.systemtests.Casework;
import org.whistle.systemtests.Casework.Level;
import org.whistle.systemtests.Place;
import org.whistle.systemtests.Platform;
import org.whistle.systemtests.SharedLocalStack;

/**
 * Issue 23's 进度 updating live, in Chromium through the gateway: 张桂兰, signed in on her phone, watches her whistle's
 * steps; the street centre files it, and 已受理 is reached on her screen without her reloading the page (ADR 0050).
 * A reporter without an account, who looked the whistle up by code and phone, sees the same (ADR 0059).
 * Screenshots under {@code target/console-screenshots/progress-*.png}.
 */
@ExtendWith(SharedLocalStack.class)
class ProgressLiveBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    private static final Duration PAGE = Duration.ofSeconds(45);
    private static final String RESIDENT = "ls.resident.zhangguilan";

    @Test
    void showsTheReporterHerWhistlesNextStepAsItHappensWithoutAReload(Platform platform) throws IOException {
        assumeTrue(Browsers.present(), "needs Debian's chromium and chromium-driver");
        var casework = new Casework(platform);
        var place = Place.CROSSING;
        var whistleId = casework.raise(RESIDENT, place, place.category, "APP", "NORMAL", "系统测试：井盖松动，车辆经过时响声很大。", null)
                .path("id")
                .asString();
        var ticketId = casework.awaitTicket(whistleId).path("id").asString();
        Files.createDirectories(SCREENSHOTS);
        var phone = Browsers.phone();
        try {
            signIn(phone, platform, "/track.html?id=" + whistleId);
            until(
                    phone,
                    d -> !d.findElements(By.cssSelector("[data-test=steps]")).isEmpty());
            until(phone, d -> text(d, "[data-test=progress-live]").equals("进度实时更新中"));
            assertThat(stepClass(phone, "已受理")).contains("ahead");
            // Set on this page only: a reload would lose it.
            phone.executeScript("window.notReloaded = true");
            screenshot(phone, "progress-1-raised");

            casework.centre(casework.centreActor(place, Level.STREET), ticketId, "file", "{}");

            until(phone, d -> !stepClass(d, "已受理").contains("ahead"));
            assertThat(phone.executeScript("return window.notReloaded === true"))
                    .as("the step came over the live stream, not by reloading the page")
                    .isEqualTo(true);
            assertThat(text(phone, "[data-test=timeline]")).contains("已受理");
            assertThat(phone.getPageSource()).doesNotContain("〔查询码〕");
            screenshot(phone, "progress-2-filed-live");
        } finally {
            phone.quit();
        }
    }

    /**
     * The same for a reporter without an account, who looks the whistle up by its code and phone (ADR 0059): the look-up
     * brings a stream ticket for that whistle alone, and 已受理 arrives without a reload; the code never goes to the
     * stream.
     */
    @Test
    void showsAnAnonymousReporterTheNextStepAsItHappensWithoutAReload(Platform platform) throws IOException {
        assumeTrue(Browsers.present(), "needs Debian's chromium and chromium-driver");
        var casework = new Casework(platform);
        var place = Place.CROSSING;
        var reporterPhone = "13900002359";
        var raised = casework.raise(null, place, place.category, "WEB", "NORMAL", "系统测试：路灯不亮，夜里看不清路。", reporterPhone);
        var whistleId = raised.path("id").asString();
        var code = raised.path("trackingCode").asString();
        var ticketId = casework.awaitTicket(whistleId).path("id").asString();
        Files.createDirectories(SCREENSHOTS);
        var phone = Browsers.phone();
        try {
            // as the raise answer links it: the code after '#', which no server sees
            phone.get(platform.gateway()
                    .base()
                    .resolve("/track.html#code=" + URLEncoder.encode(code, StandardCharsets.UTF_8))
                    .toString());
            until(phone, d -> !d.findElements(By.id("phone")).isEmpty());
            phone.findElement(By.id("phone")).sendKeys(reporterPhone);
            phone.findElement(By.cssSelector("[data-test=look-up] button[type=submit]"))
                    .click();
            until(
                    phone,
                    d -> !d.findElements(By.cssSelector("[data-test=steps]")).isEmpty());
            until(phone, d -> text(d, "[data-test=progress-live]").equals("进度实时更新中"));
            assertThat(stepClass(phone, "已受理")).contains("ahead");
            phone.executeScript("window.notReloaded = true");
            screenshot(phone, "progress-3-anonymous-raised");

            casework.centre(casework.centreActor(place, Level.STREET), ticketId, "file", "{}");

            until(phone, d -> !stepClass(d, "已受理").contains("ahead"));
            assertThat(phone.executeScript("return window.notReloaded === true"))
                    .as("the step came over the live stream, not by reloading the page")
                    .isEqualTo(true);
            assertThat(text(phone, "[data-test=timeline]")).contains("已受理");
            screenshot(phone, "progress-4-anonymous-filed-live");
        } finally {
            phone.quit();
        }
    }

    /** The class of the step named so ({@code step done}, {@code step current}, {@code step ahead}). */
    private static String stepClass(WebDriver driver, String name) {
        return driver.findElements(By.cssSelector("[data-test=steps] li")).stream()
                .filter(step ->
                        step.findElement(By.tagName("strong")).getText().strip().equals(name))
                .map(step -> String.valueOf(step.getDomAttribute("class")))
                .findFirst()
                .orElse("");
    }

    private static void signIn(ChromeDriver driver, Platform platform, String page) {
        driver.get(platform.gateway()
                .base()
                .resolve("/bff/login?return=" + URLEncoder.encode(page, StandardCharsets.UTF_8))
                .toString());
        until(driver, d -> !d.findElements(By.id("username")).isEmpty());
        driver.findElement(By.id("username")).sendKeys(RESIDENT);
        driver.findElement(By.id("password"))
                .sendKeys(platform.accounts().user(RESIDENT).password());
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        until(driver, d -> !d.findElements(By.cssSelector("[data-test=who]")).isEmpty());
    }

    private static String text(WebDriver driver, String css) {
        var found = driver.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.getFirst().getText().strip();
    }

    private static void until(WebDriver driver, Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(driver, PAGE, Duration.ofMillis(250))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                screenshot((ChromeDriver) driver, "progress-failed-" + System.currentTimeMillis());
            } catch (IOException | RuntimeException ignored) {
                // the time-out is what the report needs
            }
            throw e;
        }
    }

    private static void screenshot(ChromeDriver driver, String name) throws IOException {
        driver.executeScript("window.scrollTo(0, 0)");
        var metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        var content = (Map<?, ?>) metrics.get("cssContentSize");
        var width = Math.max(
                ((Number) content.get("width")).doubleValue(),
                ((Number) driver.executeScript("return window.innerWidth")).doubleValue());
        var height = Math.min(8000, ((Number) content.get("height")).doubleValue());
        var shot = driver.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.write(
                SCREENSHOTS.resolve(name + ".png"),
                java.util.Base64.getDecoder().decode((String) shot.get("data")));
    }
}
