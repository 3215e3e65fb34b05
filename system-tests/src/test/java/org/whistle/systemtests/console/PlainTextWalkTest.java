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
import java.util.ArrayList;
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
 * The walk test of issue 23: every console page, as every demo person, with live cases in every state, shows no
 * enum, {@code null}, {@code undefined}, ISO/UTC time or internal code (unit, area, rule) in the text people read —
 * the message catalogue's {@link PlainText} rule, on what Chromium renders. Each page is saved under
 * {@code target/walk-screenshots/<account>-<page>.png}; the failure lists every finding with its page and account.
 */
@ExtendWith(SharedLocalStack.class)
class PlainTextWalkTest {

    private static final Path SCREENSHOTS = Path.of("target/walk-screenshots");
    private static final String RESIDENT = "ls.resident.zhangguilan";
    private static final Duration PAGE = Duration.ofSeconds(45);
    private static final List<String> PAGES = List.of(
            "/",
            "/whistle.html",
            "/track.html",
            "/command.html",
            "/screen.html",
            "/unit.html",
            "/evaluation.html",
            "/ratings.html",
            "/keys.html",
            "/branch.html",
            "/workplace.html",
            "/members.html",
            "/reviews.html",
            "/apis.html");

    @Test
    void showsNoCodeEnumNullOrUtcTimeOnAnyPageToAnyDemoPerson(Platform platform) throws IOException {
        assumeTrue(
                Browsers.present(),
                "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
        liveCasesInEveryState(new Casework(platform));
        Files.createDirectories(SCREENSHOTS);
        var findings = new ArrayList<String>();
        var browser = Browsers.bigScreen();
        try {
            for (var user : platform.accounts().users()) {
                if (!signIn(browser, platform.gateway().base(), user.username(), user.password())) {
                    findings.add(user.username() + ": could not sign in within " + PAGE.toSeconds() + " s");
                    continue;
                }
                for (var page : PAGES) {
                    browser.get(platform.gateway().base().resolve(page).toString());
                    var where = user.username() + " " + page;
                    settled(browser, where, findings);
                    loaded(browser, where, page, findings);
                    openTheFirstItem(browser, where, page, findings);
                    var text = (String) browser.executeScript("return document.body.innerText");
                    for (var offence : PlainText.offences(text)) {
                        findings.add(user.username() + " " + page + ": " + offence);
                    }
                    screenshot(browser, user.username() + "-" + (page.equals("/") ? "index" : page.substring(1)));
                }
                signOut(browser, platform.gateway().base());
            }
        } finally {
            browser.quit();
        }
        assertThat(findings).as("what people would read on the pages").isEmpty();
    }

    /** Tickets at the seed's crossing in every stage, and one handled by the county, each described as people do. */
    private static void liveCasesInEveryState(Casework casework) {
        for (var stage : Stage.values()) {
            bring(casework, Place.CROSSING, Level.STREET, stage);
        }
        bring(casework, Place.CROSSING, Level.DISTRICT, Stage.IN_PROGRESS);
        // 我的吹哨: the demo resident's own whistle, resolved, so her list and its steps are walked too.
        var own = casework.raise(
                RESIDENT, Place.CROSSING, Place.CROSSING.category, "APP", "NORMAL", "小区门口路面塌了一块，晚上看不清。", null);
        casework.bring(
                casework.awaitTicket(own.path("id").asString()).path("id").asString(),
                Place.CROSSING,
                Level.STREET,
                Stage.RESOLVED);
    }

    private static void bring(Casework casework, Place place, Level level, Stage stage) {
        var whistle =
                casework.raise(Casework.OBSERVER, place, place.category, "APP", "NORMAL", "路口路面破损，车辆绕行，请尽快修复。", null);
        var ticketId =
                casework.awaitTicket(whistle.path("id").asString()).path("id").asString();
        casework.bring(ticketId, place, level, stage);
    }

    private static boolean signIn(ChromeDriver driver, URI gateway, String username, String password) {
        try {
            driver.get(gateway.resolve("/bff/login?return=" + URLEncoder.encode("/", StandardCharsets.UTF_8))
                    .toString());
            until(driver, d -> !d.findElements(By.id("username")).isEmpty());
            driver.findElement(By.id("username")).sendKeys(username);
            driver.findElement(By.id("password")).sendKeys(password);
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            until(
                    driver,
                    d -> !d.findElements(By.cssSelector("[data-test=who]")).isEmpty());
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    /** Signs out as a person does (退出), so the next person signs in afresh; then forgets every cookie. */
    private static void signOut(ChromeDriver driver, URI gateway) {
        driver.get(gateway.resolve("/").toString());
        try {
            until(
                    driver,
                    d -> !d.findElements(By.xpath("//button[normalize-space()='退出']"))
                            .isEmpty());
            driver.findElement(By.xpath("//button[normalize-space()='退出']")).click();
            until(
                    driver,
                    d -> !d.findElements(By.cssSelector("[data-test=sign-in]")).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            // the cookies go below in any case
        }
        driver.manage().deleteAllCookies();
    }

    /** Loaded, and nothing still says it is loading; a page that never settles is a finding of its own. */
    private static void settled(WebDriver driver, String where, List<String> findings) {
        try {
            until(
                    driver,
                    d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"))
                            && !((String) ((JavascriptExecutor) d).executeScript("return document.body.innerText"))
                                    .contains("加载中"));
        } catch (org.openqa.selenium.TimeoutException e) {
            findings.add(where + ": still loading after " + PAGE.toSeconds() + " s");
        }
    }

    /** The queues hold their tickets and tasks (or say there are none, or that the role may not see them). */
    private static void loaded(WebDriver driver, String where, String page, List<String> findings) {
        var rows = switch (page) {
            case "/command.html" -> "[data-test=queue] tr[data-ticket]";
            case "/unit.html" -> "[data-test=unit-queue] li[data-ticket]";
            default -> null;
        };
        if (rows == null) {
            return;
        }
        try {
            until(
                    driver,
                    d -> !d.findElements(By.cssSelector(rows)).isEmpty()
                            || ((String) ((JavascriptExecutor) d).executeScript("return document.body.innerText"))
                                    .matches("(?s).*(暂无工单|暂无待办任务|无权查看|请先登录).*"));
        } catch (org.openqa.selenium.TimeoutException e) {
            findings.add(where + ": the queue did not load in " + PAGE.toSeconds() + " s");
        }
    }

    /** The dashboard's first ticket and the work queue's first task, whose timelines, notes and clocks people read. */
    private static void openTheFirstItem(ChromeDriver driver, String where, String page, List<String> findings) {
        var first = switch (page) {
            case "/command.html" -> "[data-test=queue] tr[data-ticket] button";
            case "/unit.html" -> "[data-test=unit-queue] li[data-ticket] button";
            case "/track.html" -> "[data-test=mine-item] a";
            default -> null;
        };
        if (first == null) {
            return;
        }
        var buttons = driver.findElements(By.cssSelector(first));
        if (!buttons.isEmpty() && buttons.getFirst().isDisplayed()) {
            buttons.getFirst().click();
            settled(driver, where, findings);
            try {
                until(
                        driver,
                        d -> !d.findElements(By.cssSelector(
                                        "[data-test=ticket-state], [data-test=task-detail], [data-test=steps]"))
                                .isEmpty());
            } catch (org.openqa.selenium.TimeoutException e) {
                findings.add(where + ": the first item did not open in " + PAGE.toSeconds() + " s");
            }
        }
    }

    private static void until(WebDriver driver, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, PAGE, Duration.ofMillis(250))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    private static void screenshot(ChromeDriver driver, String name) throws IOException {
        var shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        Files.write(
                SCREENSHOTS.resolve(name.replaceAll("[^\\w.-]", "_") + ".png"),
                java.util.Base64.getDecoder().decode((String) shot.get("data")));
    }
}
