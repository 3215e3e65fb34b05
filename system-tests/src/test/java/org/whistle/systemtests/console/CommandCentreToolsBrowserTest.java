package org.whistle.systemtests.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
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
import org.whistle.texts.PlainText;

/**
 * Issue 23's command-centre tools in Chromium, as the street dispatcher of 甘南镇 uses them on the wall screen: the
 * queue opens on what waits for the centre with a countdown per ticket, a ticket is found by its number, two whistles
 * are filed at once with an answer per ticket, the overdue list counts down, the export link hands over a CSV in
 * Chinese, and closing a verified ticket asks first and says the reporter's follow-up is still open. Screenshots under
 * {@code target/console-screenshots/centre-*.png}.
 */
@ExtendWith(SharedLocalStack.class)
class CommandCentreToolsBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    private static final Duration PAGE = Duration.ofSeconds(45);
    private static final String DISPATCHER = "gn.street.sunhongwei";

    @Test
    void theQueueToolsBulkFilingTheOverdueListAndTheCloseConfirmation(Platform platform) throws IOException {
        assumeTrue(
                Browsers.present(),
                "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
        var casework = new Casework(platform);
        var first = casework.prepare(Place.CROSSING, Level.STREET, Stage.RAISED);
        var second = casework.prepare(Place.CROSSING, Level.STREET, Stage.RAISED);
        var verified = casework.prepare(Place.CROSSING, Level.STREET, Stage.VERIFIED);
        Files.createDirectories(SCREENSHOTS);
        var wall = Browsers.bigScreen();
        try {
            signIn(
                    wall,
                    platform.gateway().base(),
                    platform.accounts().user(DISPATCHER).password());
            var firstNumber = numberOf(wall, first.ticketId());
            var secondNumber = numberOf(wall, second.ticketId());
            var verifiedNumber = numberOf(wall, verified.ticketId());

            // The queue opens on what waits for the centre, each open ticket with the time left on its nearest clock.
            until(wall, d -> "true".equals(attribute(d, "[data-test=tab-ACTION]", "aria-pressed")));
            until(
                    wall,
                    d -> !d.findElements(By.cssSelector("[data-test=queue] tr[data-ticket]"))
                            .isEmpty());
            until(
                    wall,
                    d -> text(d, "[data-test=queue] tr[data-ticket] [data-test=due]")
                            .matches("(剩余|超时) .*"));
            assertThat(text(wall, "[data-test=overdue-list] h2")).isEqualTo("超时与临期");
            assertEveryControlIsLabelled(wall);
            assertPlainChinese(wall);
            screenshot(wall, "centre-1-needs-action");

            // Found by its number, with the time left on its filing clock.
            wall.findElement(By.cssSelector("[data-test=number-search]")).sendKeys(firstNumber);
            click(wall, "[data-test=queue-tools] form button[type=submit]");
            until(
                    wall,
                    d -> row(d, firstNumber)
                            && d.findElements(By.cssSelector("[data-test=queue] tr[data-ticket]"))
                                            .size()
                                    == 1);
            until(
                    wall,
                    d -> text(d, "[data-ticket='" + firstNumber + "'] [data-test=due]")
                            .matches("(剩余|超时) .*"));
            screenshot(wall, "centre-2-found-by-number");
            clickXpath(wall, "//button[normalize-space()='清除']");

            // The newest whistles not yet filed: the two raised above.
            click(wall, "[data-test=tab-RAISED]");
            until(wall, d -> row(d, firstNumber) && row(d, secondNumber));

            // The export link hands over the same queue as a CSV in Chinese.
            var csv = (String) ((JavascriptExecutor) wall).executeAsyncScript("""
                            const done = arguments[arguments.length - 1];
                            fetch(document.querySelector('[data-test=export-csv]').href, { credentials: 'same-origin' })
                              .then((r) => r.text()).then(done, (e) => done('failed: ' + e));""");
            // fetch().text() drops the byte-order mark; dispatch's CentreToolsTest checks it is sent.
            assertThat(csv).startsWith("序号,工单编号,问题类别").contains(firstNumber, "待受理");

            // Two whistles filed at once; the answer says per ticket what happened.
            click(wall, "[data-ticket='" + firstNumber + "'] input[type=checkbox]");
            click(wall, "[data-ticket='" + secondNumber + "'] input[type=checkbox]");
            until(wall, d -> text(d, "[data-test=bulk-bar]").contains("已选 2 张"));
            click(wall, "[data-test=bulk-file]");
            until(wall, d -> text(d, "[data-test=bulk-results]").contains("完成 2 张"));
            assertThat(text(wall, "[data-test=bulk-results]")).contains(firstNumber + "：已受理", secondNumber + "：已受理");
            screenshot(wall, "centre-3-bulk-filed");

            // Closing a verified ticket asks first, and says the reporter has not answered the follow-up yet.
            click(wall, "[data-test=tab-VERIFIED]");
            until(wall, d -> row(d, verifiedNumber));
            click(wall, "[data-test=queue] tr[data-ticket='" + verifiedNumber + "'] button.link");
            until(wall, d -> text(d, "[data-test=ticket-state]").equals("已核查"));
            click(wall, "[data-test=act-close]");
            until(
                    wall,
                    d -> !d.findElements(By.cssSelector("[data-test=close-form]"))
                            .isEmpty());
            assertThat(text(wall, "[data-test=follow-up-open]")).contains("报告人尚未回访答复");
            assertThat(text(wall, "[data-test=ticket-state]"))
                    .as("nothing closes before the confirmation")
                    .isEqualTo("已核查");
            screenshot(wall, "centre-4-close-confirmation");
            click(wall, "[data-test=confirm-close]");
            until(wall, d -> text(d, "[data-test=ticket-state]").equals("已结案"));
            assertPlainChinese(wall);
            screenshot(wall, "centre-5-closed");
        } finally {
            wall.quit();
        }
    }

    private static void signIn(ChromeDriver driver, URI gateway, String password) {
        driver.get(gateway.resolve("/bff/login?return=" + URLEncoder.encode("/command.html", StandardCharsets.UTF_8))
                .toString());
        until(driver, d -> !d.findElements(By.id("username")).isEmpty());
        driver.findElement(By.id("username")).sendKeys(DISPATCHER);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        until(driver, d -> !d.findElements(By.cssSelector("[data-test=who]")).isEmpty());
        until(driver, d -> !d.findElements(By.cssSelector("[data-test=queue]")).isEmpty());
    }

    /** The ticket's number as the dispatcher's own session reads it. */
    private static String numberOf(ChromeDriver driver, String ticketId) {
        return (String) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/tickets/' + arguments[0], { credentials: 'same-origin' })
                  .then((r) => r.json()).then((t) => done(t.number), (e) => done('failed: ' + e));""", ticketId);
    }

    private static boolean row(WebDriver driver, String number) {
        return !driver.findElements(By.cssSelector("[data-test=queue] tr[data-ticket='" + number + "']"))
                .isEmpty();
    }

    private static void assertPlainChinese(ChromeDriver driver) {
        var text = (String)
                driver.executeScript("return document.querySelector('[data-test=queue]').closest('section').innerText"
                        + " + '\\n' + document.querySelector('[data-test=overdue-list]').innerText");
        assertThat(PlainText.offences(text)).isEmpty();
    }

    private static void assertEveryControlIsLabelled(WebDriver driver) {
        var unlabelled = (List<?>) ((JavascriptExecutor) driver).executeScript("""
                return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
                  .map(e => e.outerHTML.substring(0, 120));""");
        assertThat(unlabelled).isEmpty();
    }

    private static String text(WebDriver driver, String css) {
        var found = driver.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.getFirst().getText().strip();
    }

    private static String attribute(WebDriver driver, String css, String name) {
        var found = driver.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : String.valueOf(found.getFirst().getDomAttribute(name));
    }

    private static void click(WebDriver driver, String css) {
        clickable(driver, By.cssSelector(css));
    }

    private static void clickXpath(WebDriver driver, String xpath) {
        clickable(driver, By.xpath(xpath));
    }

    private static void clickable(WebDriver driver, By by) {
        until(driver, d -> d.findElements(by).stream().anyMatch(e -> e.isDisplayed() && e.isEnabled()));
        driver.findElements(by).stream()
                .filter(e -> e.isDisplayed() && e.isEnabled())
                .findFirst()
                .orElseThrow()
                .click();
    }

    private static void until(WebDriver driver, Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(driver, PAGE, Duration.ofMillis(250))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                screenshot((ChromeDriver) driver, "centre-failed-" + System.currentTimeMillis());
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
