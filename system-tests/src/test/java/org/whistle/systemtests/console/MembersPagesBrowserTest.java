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
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
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
import org.whistle.systemtests.Gateway;
import org.whistle.systemtests.Place;
import org.whistle.systemtests.Platform;
import org.whistle.systemtests.SharedLocalStack;

/**
 * Issue 21's two desk pages in Chromium, on a desk screen and a phone, through the gateway with the demo accounts:
 * the compound branch's page ({@code branch.html}), where 韩淑芬, 将军府小区's secretary, confirms a member who
 * reported in, publishes a task, confirms his claim, sees his photos and approves his work (the points follow only
 * then), hands over what he redeemed, publishes the quarter's 公示 and looks at the 优秀市民党员 candidates; and the
 * workplace contact's page ({@code workplace.html}), where 周卫东 of 齐齐哈尔市水务局机关党委 sees his members'
 * report-in and participation without addresses and with masked phones, and opens the year-end sheet. No script error
 * on either page; screenshots under {@code target/members-screenshots/}.
 */
@ExtendWith(SharedLocalStack.class)
class MembersPagesBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target/members-screenshots");
    private static final Duration PAGE = Duration.ofSeconds(45);
    private static final String SECRETARY = "jh.jjf.hanshufen";
    /** The contact of 齐齐哈尔市水务局机关党委 (demo/members.json), a party member who reports in to 将军府小区 here. */
    private static final String CONTACT = "jh.swj.zhouweidong";

    private static final String OTHER_CONTACT = "ls.gdj.qianlijun";
    /** A resident of the demo who whistles in 将军府小区. */
    private static final String REPORTER = "ls.resident.zhangguilan";

    private static final DateTimeFormatter LOCAL_INPUT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final Platform platform;
    private final Gateway gateway;
    private final Casework casework;

    MembersPagesBrowserTest(Platform platform) {
        this.platform = platform;
        this.gateway = platform.gateway();
        this.casework = new Casework(platform);
    }

    @Test
    void letsTheBranchConfirmPublishApproveHandOverAndPublishOnADeskAndAPhone() throws IOException {
        assumeTrue(
                Browsers.present(),
                "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
        Files.createDirectories(SCREENSHOTS);
        // 周卫东 reports in to 将军府小区 from his phone, as an in-service member of his own organisation.
        gateway.post("/api/members/memberships", contact(), """
                        {"name":"周卫东","phone":"13800000101","kind":"IN_SERVICE","workplaceId":"W-JH-SWJ",\
                        "skills":["水电维修"],"availability":"周末全天","compoundId":"230203003001003",\
                        "address":"将军府小区5号楼1单元301"}""").expect(201);

        var desk = Browsers.bigScreen();
        try {
            signIn(desk, SECRETARY, "/branch.html");
            until(
                    desk,
                    d -> !d.findElements(By.cssSelector("[data-test=branch-ready]"))
                            .isEmpty());
            until(desk, d -> text(d, "[data-test=br-pending]").contains("周卫东"));
            assertThat(text(desk, "[data-test=br-pending]"))
                    .as("the branch visits: the address shows, the phone masked")
                    .contains("将军府小区5号楼1单元301")
                    .contains("138****0101")
                    .doesNotContain("13800000101");
            screenshot(desk, "branch-desk-1-pending");

            // She confirms him into the compound's first grid.
            clickXpath(desk, "//li[.//strong[normalize-space()='周卫东']]//button[@data-test='br-confirm']");
            until(desk, d -> text(d, "[data-test=br-message]").contains("已确认周卫东报到"));
            until(desk, d -> text(d, "[data-test=br-members]").contains("周卫东"));
            assertThat(text(desk, "[data-test=br-pending]")).doesNotContain("周卫东");

            // She publishes a micro-wish that is open now, worth what the cheapest item of the 积分超市 costs.
            click(desk, "[data-test=br-tab-tasks]");
            until(
                    desk,
                    d -> !d.findElements(By.cssSelector("[data-test=br-publish]"))
                            .isEmpty());
            var title = "帮独居老人更换楼道灯泡 " + Instant.now().getEpochSecond();
            desk.findElement(By.cssSelector("[data-test=br-title]")).sendKeys(title);
            field(desk, "内容").sendKeys("5号楼2单元楼道灯坏了，独居的刘大爷晚上上下楼看不清");
            new org.openqa.selenium.support.ui.Select(field(desk, "网格")).selectByVisibleText("将军府小区第一网格");
            field(desk, "地点").sendKeys("将军府小区5号楼2单元");
            setValue(desk, field(desk, "开始时间"), LOCAL_INPUT.format(Instant.now().minus(Duration.ofMinutes(10))));
            setValue(desk, field(desk, "结束时间"), LOCAL_INPUT.format(Instant.now().plus(Duration.ofHours(3))));
            setValue(desk, field(desk, "积分"), "10");
            click(desk, "[data-test=br-publish] button[type=submit]");
            until(desk, d -> text(d, "[data-test=br-message]").contains("已发布"));
            until(desk, d -> text(d, "[data-test=br-tasks]").contains(title));
            var task =
                    gateway
                            .get("/api/members/tasks?compoundId=230203003001003", contact())
                            .expect(200)
                            .values()
                            .stream()
                            .filter(t -> t.path("title").asString().equals(title))
                            .findFirst()
                            .orElseThrow();
            var taskId = task.path("id").asString();
            assertThat(task.path("points").asInt()).isEqualTo(10);

            // He claims it; she confirms the claim on her page.
            gateway.post("/api/members/tasks/" + taskId + "/claim", contact(), "{}")
                    .expect(200);
            click(desk, "[data-test=br-tab-tasks]");
            clickXpath(
                    desk, "//li[.//strong[normalize-space()='" + title + "']]//button[@data-test='br-claim-confirm']");
            until(desk, d -> text(d, "[data-test=br-message]").contains("已确认周卫东认领"));

            // He checks in on site and finishes with a photo; she sees his photos and approves: the points follow.
            var checkIn = gateway.call("POST", "/api/members/tasks/" + taskId + "/check-in")
                    .token(contact())
                    .multipart(new Gateway.Multipart()
                            .field("lat", Double.toString(Place.JIANGJUNFU.lat))
                            .field("lng", Double.toString(Place.JIANGJUNFU.lng))
                            .field("coordinateSystem", "WGS84")
                            .file("photo", "checkin.jpg", "image/jpeg", Casework.photo()))
                    .send();
            assertThat(checkIn.status()).as(checkIn.toString()).isEqualTo(200);
            gateway.call("POST", "/api/members/tasks/" + taskId + "/finish")
                    .token(contact())
                    .multipart(new Gateway.Multipart()
                            .field("evidence", "换了两个节能灯泡，楼道亮了")
                            .field("hours", "0.5")
                            .file("photo", "bulbs.jpg", "image/jpeg", Casework.photo()))
                    .send()
                    .expect(200);
            var before = gateway.get("/api/members/points/me", contact()).expect(200);
            click(desk, "[data-test=br-tab-tasks]");
            var row = "//li[.//strong[normalize-space()='" + title + "']]";
            until(
                    desk,
                    d -> !d.findElements(By.xpath(row + "//button[@data-test='br-approve']"))
                            .isEmpty());
            clickXpath(desk, row + "//button[normalize-space()='查看照片']");
            until(
                    desk,
                    d -> d.findElements(By.xpath(row + "//img")).stream()
                                    .filter(img -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                                            .executeScript("return arguments[0].naturalWidth > 0", img)))
                                    .count()
                            == 2);
            screenshot(desk, "branch-desk-2-task");
            clickXpath(desk, row + "//button[@data-test='br-approve']");
            until(desk, d -> text(d, "[data-test=br-message]").contains("积分已记入"));
            var after = gateway.get("/api/members/points/me", contact()).expect(200);
            assertThat(after.path("entries").findValuesAsString("taskId")).contains(taskId);
            assertThat(after.path("score").asInt())
                    .isGreaterThan(before.path("score").asInt());

            // He redeems the cheapest item he can afford; she records the hand-over.
            var spendable = after.path("spendable").asInt();
            var item = gateway.get("/api/members/exchange/items", contact()).expect(200).values().stream()
                    .filter(i -> i.path("points").asInt() <= spendable
                            && i.path("stock").asInt() > 0)
                    .min(Comparator.comparingInt(i -> i.path("points").asInt()))
                    .orElseThrow(() -> new AssertionError("nothing in 将军府小区's catalogue for " + spendable));
            gateway.post("/api/members/exchange/items/" + item.path("id").asString() + "/redeem", contact(), "")
                    .expect(201);
            click(desk, "[data-test=br-tab-exchange]");
            var redemption = "//table[@data-test='br-redemptions']//tr[td[normalize-space()='周卫东']]";
            clickXpath(desk, redemption + "//button[@data-test='br-hand-over']");
            until(desk, d -> text(d, "[data-test=br-message]").contains("已记录周卫东领取"));
            assertThat(gateway.get("/api/members/exchange/redemptions/mine", contact())
                            .expect(200)
                            .findValuesAsString("state"))
                    .contains("HANDED_OVER");
            screenshot(desk, "branch-desk-3-exchange");

            // The quarter's 公示, with its objection window in Beijing time; then the 优秀市民党员 candidates.
            click(desk, "[data-test=br-tab-disclosure]");
            click(desk, "[data-test=br-disclose]");
            until(desk, d -> text(d, "[data-test=br-message]").contains("季度公示"));
            until(desk, d -> text(d, "[data-test=br-disclosure]").contains("异议期至"));
            screenshot(desk, "branch-desk-4-disclosure");
            click(desk, "[data-test=br-tab-excellent]");
            until(desk, d -> text(d, "main").contains("候选人"));
            screenshot(desk, "branch-desk-5-excellent");
            assertThat(desk.findElements(By.cssSelector("[data-test=br-error]")))
                    .isEmpty();
            assertNoScriptErrors(desk, "the branch's page on a desk");
        } finally {
            desk.quit();
        }

        var phone = Browsers.phone();
        try {
            signIn(phone, SECRETARY, "/branch.html");
            until(phone, d -> text(d, "[data-test=br-members]").contains("周卫东"));
            assertEveryControlIsLabelled(phone);
            screenshot(phone, "branch-phone-1-members");
            click(phone, "[data-test=br-tab-tasks]");
            until(
                    phone,
                    d -> !d.findElements(By.cssSelector("[data-test=br-tasks]")).isEmpty());
            assertEveryControlIsLabelled(phone);
            assertFitsTheScreen(phone);
            screenshot(phone, "branch-phone-2-tasks");
            assertNoScriptErrors(phone, "the branch's page on a phone");
        } finally {
            phone.quit();
        }

        theReporterSeesTheMembersResultPhotoOnHerTrackingPage();
    }

    /**
     * A resident's small whistle that 韩淑芬 turned into a task, done by 周卫东 (confirmed above): when she approves,
     * the reporter's own tracking page shows his photo of the result, opened through intake (ADR 0051) — before that
     * the page left the photo out (intake answered 404).
     */
    private void theReporterSeesTheMembersResultPhotoOnHerTrackingPage() throws IOException {
        var whistleId = casework.raise(
                        REPORTER,
                        Place.JIANGJUNFU,
                        "PROPERTY-STAIRWELL-HYGIENE",
                        "APP",
                        "NORMAL",
                        "将军府小区5号楼楼道堆着旧家具，晚上容易绊倒",
                        null)
                .path("id")
                .asString();
        org.awaitility.Awaitility.await("the whistle reaches 将军府小区's branch")
                .atMost(PAGE)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> gateway.get("/api/members/whistles?compoundId=230203003001003", secretary())
                        .expect(200)
                        .findValuesAsString("whistleId")
                        .contains(whistleId));
        var now = Instant.now();
        var taskId = gateway.post("/api/members/whistles/" + whistleId + "/task", secretary(), """
                        {"title":"清理5号楼楼道旧家具","place":"将军府小区5号楼","startsAt":"%s","endsAt":"%s",\
                        "places":1,"skills":["环境整治"],"points":2,"checkInRequired":true}""".formatted(
                                now.minusSeconds(60), now.plus(Duration.ofHours(3))))
                .expect(201)
                .path("taskId")
                .asString();
        var memberId = gateway.get("/api/members/memberships/me", contact())
                .expect(200)
                .path("id")
                .asString();
        gateway.post("/api/members/tasks/" + taskId + "/claim", contact(), "{}").expect(200);
        gateway.post("/api/members/tasks/" + taskId + "/confirm", secretary(), "{\"memberId\":\"" + memberId + "\"}")
                .expect(200);
        var checkIn = gateway.call("POST", "/api/members/tasks/" + taskId + "/check-in")
                .token(contact())
                .multipart(new Gateway.Multipart()
                        .field("lat", Double.toString(Place.JIANGJUNFU.lat))
                        .field("lng", Double.toString(Place.JIANGJUNFU.lng))
                        .field("coordinateSystem", "WGS84")
                        .file("photo", "checkin.jpg", "image/jpeg", Casework.photo()))
                .send();
        assertThat(checkIn.status()).as(checkIn.toString()).isEqualTo(200);
        gateway.call("POST", "/api/members/tasks/" + taskId + "/finish")
                .token(contact())
                .multipart(new Gateway.Multipart()
                        .field("evidence", "旧家具已搬走，楼道畅通")
                        .field("hours", "0.5")
                        .file("photo", "stairwell.jpg", "image/jpeg", Casework.photo()))
                .send()
                .expect(200);
        gateway.post("/api/members/tasks/" + taskId + "/approve", secretary(), "{\"memberId\":\"" + memberId + "\"}")
                .expect(200);

        // Dispatch reports the unit done with his photo; intake names it among the whistle's result evidence.
        org.awaitility.Awaitility.await("the members' photo among the whistle's result evidence")
                .atMost(PAGE)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> gateway
                        .get("/api/whistles/" + whistleId, casework.token(REPORTER))
                        .expect(200)
                        .path("resultEvidence")
                        .findValuesAsString("mediaId")
                        .stream()
                        .anyMatch(id -> id.startsWith("members-photo:")));

        var phone = Browsers.phone();
        try {
            signIn(phone, REPORTER, "/track.html?id=" + whistleId);
            until(phone, MembersPagesBrowserTest::hasResultPhoto);
            assertThat(text(phone, "[data-test=result-photos]")).contains("处理结果照片");
            screenshot(phone, "track-phone-members-result-photo");
            assertNoScriptErrors(phone, "the reporter's tracking page");
        } finally {
            phone.quit();
        }
    }

    /** The result photos' card shows a picture the browser decoded (not a broken image). */
    private static boolean hasResultPhoto(WebDriver driver) {
        return driver.findElements(By.cssSelector("[data-test=result-photos] img")).stream()
                .anyMatch(img -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
                        .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", img)));
    }

    @Test
    void showsTheWorkplaceContactItsMembersFiguresWithoutAddressesAndOpensItsYearEndSheet() throws IOException {
        assumeTrue(
                Browsers.present(),
                "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
        Files.createDirectories(SCREENSHOTS);
        var desk = Browsers.bigScreen();
        try {
            signIn(desk, CONTACT, "/workplace.html");
            until(
                    desk,
                    d -> !d.findElements(By.cssSelector("[data-test=workplace-ready]"))
                            .isEmpty());
            until(desk, d -> text(d, "[data-test=wp-name]").equals("齐齐哈尔市水务局机关党委"));
            // the demo's members of the organisation in 将军府小区 (demo/members.json)
            until(desk, d -> text(d, "[data-test=wp-members]").contains("王建国"));
            var page = text(desk, "main");
            assertThat(page).contains("王建国", "刘桂芝", "周海涛").doesNotContain("孙志刚", "胡春燕");
            assertThat(page)
                    .as("no address, phones masked")
                    .doesNotContain("1号楼1单元101", "4号楼1单元404", "1号楼1单元203")
                    .doesNotContainPattern("1\\d{10}");
            assertThat(text(desk, "[data-test=wp-figures]")).contains("王建国");
            assertThat(text(desk, "[data-test=wp-summary]")).contains("已报到");
            assertThat(desk.findElement(By.cssSelector("[data-test=wp-xlsx]")).getDomAttribute("href"))
                    .startsWith("/api/members/workplaces/W-JH-SWJ/reviews/export?year=");
            screenshot(desk, "workplace-desk-1");

            // The year-end sheet, printable, from the same page.
            click(desk, "[data-test=wp-sheet]");
            until(desk, d -> text(d, "[data-test=rv-title]").contains("齐齐哈尔市水务局机关党委"));
            assertThat(text(desk, "[data-test=rv-workplace-table]")).contains("王建国");
            screenshot(desk, "workplace-desk-2-sheet");
            assertNoScriptErrors(desk, "the workplace contact's page");
        } finally {
            desk.quit();
        }

        // The other organisation's contact sees his own organisation only, on his phone.
        var phone = Browsers.phone();
        try {
            signIn(phone, OTHER_CONTACT, "/workplace.html");
            until(phone, d -> text(d, "[data-test=wp-name]").equals("龙沙区供电公司党委"));
            until(phone, d -> text(d, "[data-test=wp-members]").contains("孙志刚"));
            assertThat(text(phone, "main")).doesNotContain("王建国");
            assertFitsTheScreen(phone);
            assertEveryControlIsLabelled(phone);
            screenshot(phone, "workplace-phone-1");
            assertNoScriptErrors(phone, "the workplace contact's page on a phone");
        } finally {
            phone.quit();
        }
        assertThat(gateway.get("/api/members/workplaces/W-JH-SWJ/members", casework.token(OTHER_CONTACT))
                        .status())
                .isEqualTo(403);
    }

    private String contact() {
        return casework.token(CONTACT);
    }

    private String secretary() {
        return casework.token(SECRETARY);
    }

    private void signIn(ChromeDriver driver, String username, String page) {
        var password = platform.accounts().user(username).password();
        URI base = gateway.base();
        driver.get(base.resolve("/bff/login?return=" + URLEncoder.encode(page, StandardCharsets.UTF_8))
                .toString());
        until(driver, d -> !d.findElements(By.id("username")).isEmpty());
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        click(driver, "form button[type=submit]");
        // the page may carry a query (track.html?id=…); the sign-in returns to its path
        until(
                driver,
                d -> URI.create(d.getCurrentUrl())
                        .getPath()
                        .equals(URI.create(page).getPath()));
        until(driver, d -> !d.findElements(By.cssSelector("[data-test=who]")).isEmpty());
    }

    /** The form control a label names (the label wraps it). */
    private static org.openqa.selenium.WebElement field(WebDriver driver, String label) {
        return driver.findElement(By.xpath("//form[@data-test='br-publish']//label[normalize-space(text())='" + label
                + "']/*[self::input or self::textarea or self::select]"));
    }

    /** Sets a control's value as a person's typing does (an input event), for date-time and number fields. */
    private static void setValue(WebDriver driver, org.openqa.selenium.WebElement control, String value) {
        ((JavascriptExecutor) driver)
                .executeScript(
                        "arguments[0].value = arguments[1];"
                                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                        control,
                        value);
    }

    private static void assertNoScriptErrors(ChromeDriver driver, String where) {
        var errors = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                // refused calls (a problem detail the page shows) are the network's, not the script's
                .filter(m -> !m.contains("Failed to load resource"))
                .toList();
        assertThat(errors).as("script errors on " + where).isEmpty();
    }

    /** Nothing sticks out sideways: no horizontal scrolling at this width (wide tables scroll in their own box). */
    private static void assertFitsTheScreen(WebDriver driver) {
        var widths = (List<?>) ((JavascriptExecutor) driver)
                .executeScript("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        assertThat(((Number) widths.get(0)).longValue())
                .as("page width at a %s px viewport", widths.get(1))
                .isLessThanOrEqualTo(((Number) widths.get(1)).longValue());
    }

    /** Every visible form control has a label or an accessible name. */
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

    private static void click(WebDriver driver, String css) {
        clickable(driver, By.cssSelector(css));
    }

    private static void clickXpath(WebDriver driver, String xpath) {
        clickable(driver, By.xpath(xpath));
    }

    /** Clicks once the element is there and enabled: a button is disabled while its page is busy. */
    private static void clickable(WebDriver driver, By by) {
        until(driver, d -> d.findElements(by).stream().anyMatch(e -> e.isDisplayed() && e.isEnabled()));
        driver.findElements(by).stream()
                .filter(e -> e.isDisplayed() && e.isEnabled())
                .findFirst()
                .orElseThrow()
                .click();
    }

    /** Waits for the condition; on a time-out the page is saved as {@code failed-<n>.png} beside the others. */
    private static void until(WebDriver driver, Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(driver, PAGE, Duration.ofMillis(250))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                System.err.println("Time-out on " + driver.getCurrentUrl() + "; the browser said:");
                driver.manage()
                        .logs()
                        .get(org.openqa.selenium.logging.LogType.BROWSER)
                        .forEach(System.err::println);
                System.err.println(((JavascriptExecutor) driver).executeScript("return document.body.innerText"));
                screenshot((ChromeDriver) driver, "failed-" + System.currentTimeMillis());
            } catch (IOException | RuntimeException ignored) {
                // the time-out is what the report needs
            }
            throw e;
        }
    }

    private static void screenshot(ChromeDriver driver, String name) throws IOException {
        var shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        Files.write(
                SCREENSHOTS.resolve(name + ".png"),
                java.util.Base64.getDecoder().decode((String) shot.get("data")));
    }
}
