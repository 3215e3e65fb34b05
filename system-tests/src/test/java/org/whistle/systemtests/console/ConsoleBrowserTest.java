package org.whistle.systemtests.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.whistle.localstack.LocalStack;
import org.whistle.localstack.Options;
import org.whistle.localstack.RunningStack;
import org.whistle.localstack.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The loop of the seed's story in browsers, through the gateway: a grid worker raises a whistle with a photo on a
 * phone; the street dispatcher, watching the dashboard on a wall screen, sees it arrive live, files it and summons
 * the roads section the routing rules propose; the section's officer reports in and completes with a photo; the
 * dispatcher verifies; the grid worker rates the result. Each page is saved as a screenshot under
 * {@code target/console-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    private static final Path ACCOUNTS = Path.of("../demo/accounts.json");
    private static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    /** Generous: the first pages of a freshly started stack on a busy two-core machine are slow. */
    private static final Duration PAGE = Duration.ofSeconds(45);
    /** Long enough for a Kafka hop and a consumer, short of the demo's two-minute (60×) file and report-in clocks. */
    private static final Duration EVENTS = Duration.ofSeconds(60);
    /** The crossing of 文明大街 and 农机路 in 繁荣社区 grid 1, as a phone's GPS reports it (WGS-84). */
    private static final double LAT = 47.9218;

    private static final double LNG = 123.5046;
    private static final String ROADS_SECTION = "QQ-230225-ZJJ-LZG";
    private static final String RESIDENT_PHONE = "13900000013";

    private RunningStack stack;
    private ChromeDriver phone;
    private ChromeDriver wall;
    private URI gateway;
    private Map<String, String> passwords;

    @BeforeAll
    void start() throws IOException {
        assumeTrue(
                Browsers.present(),
                "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
        var accounts = JsonMapper.builder().build().readTree(ACCOUNTS.toFile());
        passwords = new java.util.HashMap<>();
        accounts.at("/users")
                .values()
                .forEach(u -> passwords.put(
                        u.get("username").asString(), u.get("password").asString()));
        var running = System.getProperty("whistle.console-test.gateway");
        if (running != null) {
            // A stack started by hand (java -jar whistle-local-stack-exec.jar), for working on the pages.
            gateway = URI.create(running);
        } else {
            var options = Options.defaults()
                    .withDataDir(Files.createTempDirectory("whistle-console-test"))
                    .withServicesDir(Path.of(System.getProperty("whistle.services-dir", "target/services")))
                    .withFreePorts()
                    // as the shared stack (Platform): a busy machine may take longer than the default to start it
                    .withReadinessTimeout(Duration.parse(System.getProperty(
                            "whistle.readiness-timeout", Options.DEFAULT_READINESS_TIMEOUT.toString())));
            stack = LocalStack.start(options);
            // The address people sign in at: org-registry returns them only there.
            gateway = URI.create(
                    "http://127.0.0.1:" + stack.service(Service.GATEWAY).port() + "/");
        }
        Files.createDirectories(SCREENSHOTS);
        phone = Browsers.phone();
        wall = Browsers.bigScreen();
    }

    @AfterAll
    void stop() {
        for (var driver : new WebDriver[] {phone, wall}) {
            if (driver != null) {
                driver.quit();
            }
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void closesTheLoopOfTheSeedsStoryFromAPhoneToTheDashboardToTheUnitAndBack() throws IOException {
        // The street dispatcher of 甘南镇 watches the command centre's dashboard.
        signIn(wall, "gn.street.sunhongwei", "/command.html");
        until(wall, PAGE, d -> text(d, "[data-test=live-state]").equals("实时连接"));
        until(
                wall,
                PAGE,
                d -> !d.findElements(By.cssSelector("path.leaflet-interactive")).isEmpty());
        var before = tickets(wall);
        assertFitsTheScreen(wall);
        assertEveryControlIsLabelled(wall);
        fullPageScreenshot(wall, "01-command-centre-before");

        // 李淑霞, grid worker, raises a whistle with a photo from her phone, located by GPS.
        signIn(phone, "gn.grid.lishuxia", "/whistle.html");
        until(
                phone,
                PAGE,
                d -> d.findElements(By.cssSelector("[data-test=category] option"))
                                .size()
                        > 10);
        new Select(phone.findElement(By.cssSelector("[data-test=category]"))).selectByValue("MUNICIPAL-ROAD-DAMAGE");
        phone.findElement(By.cssSelector("[data-test=description]")).sendKeys("文明大街与农机路交叉路口路面部分损坏，影响通行。");
        phone.findElement(By.cssSelector("[data-test=files]"))
                .sendKeys(photo().toAbsolutePath().toString());
        until(phone, PAGE, d -> !d.findElements(By.cssSelector(".thumbs img")).isEmpty());
        gps(phone, LAT, LNG);
        click(phone, "[data-test=locate]");
        until(phone, PAGE, d -> text(d, "[data-test=located]").contains("47.921800"));
        until(
                phone,
                PAGE,
                d -> !d.findElements(By.cssSelector("form[data-nearby-checked=true]"))
                        .isEmpty());
        assertFitsTheScreen(phone);
        assertEveryControlIsLabelled(phone);
        fullPageScreenshot(phone, "02-whistle-form-phone");
        click(phone, "[data-test=submit]");
        until(
                phone,
                PAGE,
                d -> !d.findElements(By.cssSelector("[data-test=tracking-code]"))
                        .isEmpty());
        var trackingCode = text(phone, "[data-test=tracking-code]");
        var trackLink =
                phone.findElement(By.cssSelector("[data-test=track-link]")).getDomAttribute("href");
        assertThat(trackingCode).startsWith("QQ");
        assertThat(trackLink).contains("id=");
        fullPageScreenshot(phone, "03-whistle-submitted-phone");

        // The dashboard shows it without a reload: the live feed and a new row in the centre's queue.
        until(wall, EVENTS, d -> tickets(d).size() > before.size());
        until(
                wall,
                PAGE,
                d -> text(d, "[data-test=feed]").contains("新吹哨")
                        || !d.findElements(By.cssSelector("[data-test=feed] li"))
                                .isEmpty());
        var number = tickets(wall).stream()
                .filter(n -> !before.contains(n))
                .findFirst()
                .orElseThrow();
        fullPageScreenshot(wall, "04-command-centre-live");
        click(wall, "[data-test=queue] tr[data-ticket='" + number + "'] button");
        until(wall, PAGE, d -> text(d, "[data-test=ticket-state]").equals("待受理"));
        click(wall, "[data-test=act-file]");
        until(wall, PAGE, d -> text(d, "[data-test=ticket-state]").equals("已受理"));
        until(wall, PAGE, d -> text(d, "[data-test=proposal]").contains("路政"));
        click(wall, "[data-test=act-summon]");
        until(
                wall,
                PAGE,
                d -> !d.findElements(By.cssSelector("[data-test=lead] option")).isEmpty());
        assertThat(new Select(wall.findElement(By.cssSelector("[data-test=lead]")))
                        .getFirstSelectedOption()
                        .getDomAttribute("value"))
                .as("the routing rules' lead unit is proposed")
                .isEqualTo(ROADS_SECTION);
        fullPageScreenshot(wall, "05-command-centre-summon");
        click(wall, "[data-test=send-summon]");
        until(wall, PAGE, d -> text(d, "[data-test=ticket-state]").equals("已派遣"));
        // The ticket's clocks in plain Chinese: due time in Beijing, how they count; no ISO code, enum or null.
        until(wall, PAGE, d -> text(d, "[data-test=clocks]").contains("受理"));
        var clocks = text(wall, "[data-test=clocks]");
        assertThat(clocks).contains("（北京时间）", "全天计时").doesNotContain("PT", "null", "undefined", "ROUND_THE_CLOCK");

        // 马海涛 of the roads section reports in and reports it done with a photo, from his phone.
        signOut(phone);
        signIn(phone, "gn.lzg.mahaitao", "/unit.html");
        until(
                phone,
                EVENTS,
                d -> !d.findElements(By.cssSelector("[data-test=unit-queue] li[data-ticket='" + number + "']"))
                        .isEmpty());
        until(
                phone,
                PAGE,
                d -> !d.findElements(By.cssSelector("[data-ticket='" + number + "'] .countdown"))
                        .isEmpty());
        assertFitsTheScreen(phone);
        fullPageScreenshot(phone, "06-unit-queue-phone");
        click(phone, "[data-ticket='" + number + "'] button");
        until(phone, PAGE, d -> text(d, "[data-test=task-state]").equals("待报到"));
        until(phone, PAGE, d -> text(d, "[data-test=clocks]").contains("报到"));
        assertThat(text(phone, "[data-test=clocks]")).contains("（北京时间）").doesNotContain("PT", "null", "undefined");
        click(phone, "[data-test=report-in]");
        until(phone, PAGE, d -> text(d, "[data-test=task-state]").equals("已报到"));
        click(phone, "[data-test=open-done]");
        phone.findElement(By.cssSelector("[data-test=report-note]")).sendKeys("路面已修复，恢复通行。");
        phone.findElement(By.cssSelector("[data-test=report-files]"))
                .sendKeys(photo().toAbsolutePath().toString());
        fullPageScreenshot(phone, "07-unit-done-phone");
        click(phone, "[data-test=send-report]");
        until(phone, PAGE, d -> text(d, "[data-test=task-state]").equals("已办结"));

        // The dispatcher sees it resolved and verifies it (核查).
        until(wall, EVENTS, d -> text(d, "[data-test=ticket-state]").equals("已办结"));
        click(wall, "[data-test=act-verify]");
        until(wall, PAGE, d -> text(d, "[data-test=ticket-state]").equals("已核查"));

        // 李淑霞 sees the photo of the result and rates it: satisfied, fixed.
        signOut(phone);
        signIn(phone, "gn.grid.lishuxia", trackLink);
        until(phone, EVENTS, d -> {
            if (d.findElements(By.cssSelector("[data-test=rate-form]")).isEmpty()) {
                d.findElements(By.xpath("//button[text()='刷新']")).forEach(WebElement::click);
                return false;
            }
            return true;
        });
        until(
                phone,
                PAGE,
                d -> !d.findElements(By.cssSelector("[data-test=result-photos] img"))
                        .isEmpty());
        click(phone, "[data-test=rating-SATISFIED]");
        click(phone, "[data-test=resolved-yes]");
        assertFitsTheScreen(phone);
        assertEveryControlIsLabelled(phone);
        fullPageScreenshot(phone, "08-track-rate-phone");
        click(phone, "[data-test=rate]");
        until(
                phone,
                PAGE,
                d -> !d.findElements(By.cssSelector("[data-test=rated]")).isEmpty());
        until(phone, EVENTS, d -> {
            d.findElements(By.xpath("//button[text()='刷新']")).forEach(WebElement::click);
            return text(d, "[data-test=status]").equals("已结案");
        });
        fullPageScreenshot(phone, "09-track-closed-phone");

        // Rated "fixed" after verification: the ticket closes, and the dashboard says so.
        until(wall, EVENTS, d -> text(d, "[data-test=ticket-state]").equals("已结案"));
        fullPageScreenshot(wall, "10-command-centre-closed");
    }

    @Test
    void letsAnAnonymousResidentRaiseJoinTheSameProblemNearbyAndTrackItAlsoInEnglish() throws IOException {
        // 张桂兰 raises rubbish by the road without an account, leaving her phone for tracking.
        phone.get(gateway.resolve("/whistle.html").toString());
        until(
                phone,
                PAGE,
                d -> d.findElements(By.cssSelector("[data-test=category] option"))
                                .size()
                        > 10);
        assertThat(phone.findElements(By.cssSelector("[data-test=sign-in]"))).isNotEmpty();
        fillWhistle("CITYSCAPE-EXPOSED-WASTE", "路边堆放生活垃圾，无人清理。", LAT + 0.0007, LNG + 0.0004);
        phone.findElement(By.id("phone")).sendKeys(RESIDENT_PHONE);
        click(phone, "[data-test=submit]");
        until(
                phone,
                PAGE,
                d -> !d.findElements(By.cssSelector("[data-test=tracking-code]"))
                        .isEmpty());
        var code = text(phone, "[data-test=tracking-code]");

        // A neighbour about to raise the same thing is shown it nearby, and joins it instead.
        clickXpath(phone, "//button[normalize-space()='再吹一哨']");
        fillWhistle("CITYSCAPE-EXPOSED-WASTE", "垃圾还在，气味很大。", LAT + 0.0007, LNG + 0.0004);
        until(
                phone,
                PAGE,
                d -> !d.findElements(By.cssSelector("[data-test=nearby] li")).isEmpty());
        // Nearby shows what anyone may see: the category and the grid, not the first reporter's words.
        assertThat(text(phone, "[data-test=nearby]")).contains("暴露垃圾").doesNotContain("路边堆放生活垃圾");
        assertFitsTheScreen(phone);
        fullPageScreenshot(phone, "11-whistle-nearby-phone");
        clickXpath(phone, "//button[normalize-space()='我也遇到了，加入此哨']");
        until(phone, PAGE, d -> text(d, "[data-test=nearby]").contains("已记录您的反映"));

        // She tracks it with the code and her phone, in Chinese and then in English.
        phone.get(gateway.resolve("/track.html?code=" + code).toString());
        until(
                phone,
                PAGE,
                d -> !d.findElements(By.cssSelector("[data-test=look-up][aria-busy=false]"))
                        .isEmpty());
        phone.findElement(By.id("phone")).sendKeys(RESIDENT_PHONE);
        clickXpath(phone, "//button[normalize-space()='查询']");
        until(phone, PAGE, d -> text(d, "[data-test=timeline]").contains("另有群众反映此问题"));
        assertThat(text(phone, "[data-test=whistle]"))
                .as("times in Asia/Shanghai, whatever the browser's zone (UTC here)")
                .contains(shanghai(raisedAt(code)));
        clickXpath(phone, "//button[normalize-space()='English']");
        until(phone, PAGE, d -> text(d, "#rate-title").equals("Rate the result"));
        assertFitsTheScreen(phone);
        assertEveryControlIsLabelled(phone);
        fullPageScreenshot(phone, "12-track-anonymous-english-phone");

        // Anonymous visitors are offered neither the dashboard nor the work queue, at 1920 px as on a phone.
        wall.get(gateway.resolve("/").toString());
        until(
                wall,
                PAGE,
                d -> !d.findElements(By.cssSelector("[data-test=go-whistle]")).isEmpty());
        assertThat(wall.findElements(By.cssSelector("[data-test=go-command]"))).isEmpty();
        assertFitsTheScreen(wall);
        fullPageScreenshot(wall, "13-home-anonymous-1920");
        wall.get(gateway.resolve("/command.html").toString());
        until(wall, PAGE, d -> d.getPageSource().contains("请先登录"));
        // Coming back to a page the browser holds: revalidated (304), it must keep the pages' policy and work.
        wall.navigate().refresh();
        until(wall, PAGE, d -> d.getPageSource().contains("请先登录"));
    }

    @Test
    void offersEveryDemoAccountItsPagesAndEachOfThemLoadsWithoutAnError() {
        var offered = new java.util.TreeMap<String, List<String>>();
        for (var username : passwords.keySet().stream().sorted().toList()) {
            forgetEveryone(wall);
            signIn(wall, username, "/");
            until(
                    wall,
                    PAGE,
                    d -> !d.findElements(By.cssSelector("[data-test=go-whistle]"))
                            .isEmpty());
            var pages = wall.findElements(By.cssSelector("nav a")).stream()
                    .map(a -> a.getDomAttribute("data-test").substring("go-".length()))
                    .toList();
            offered.put(username, pages);
            for (var page : pages) {
                wall.get(gateway.resolve("/" + page + ".html").toString());
                until(
                        wall,
                        PAGE,
                        d -> !d.findElements(By.cssSelector("[data-test=who]")).isEmpty());
                switch (page) {
                    case "command" ->
                        until(
                                wall,
                                PAGE,
                                d -> text(d, "[data-test=open-total]").matches("\\d+")
                                        || !d.findElements(By.cssSelector(".error"))
                                                .isEmpty());
                    case "unit" ->
                        until(
                                wall,
                                PAGE,
                                d -> !d.findElements(By.cssSelector("[data-test=unit-queue]"))
                                                .isEmpty()
                                        && !d.getPageSource().contains("加载中"));
                    case "evaluation" ->
                        until(
                                wall,
                                PAGE,
                                d -> !d.findElements(By.cssSelector("[data-test=eval-ranking]"))
                                                .isEmpty()
                                        || !d.findElements(By.cssSelector(".error"))
                                                .isEmpty());
                    case "keys" ->
                        until(
                                wall,
                                PAGE,
                                d -> !d.findElements(By.cssSelector("[data-test=keys-loaded]"))
                                        .isEmpty());
                    case "ratings" ->
                        until(
                                wall,
                                PAGE,
                                d -> !d.findElements(By.cssSelector("[data-test=ratings-ready]"))
                                        .isEmpty());
                    case "members" ->
                        until(
                                wall,
                                PAGE,
                                d -> !d.findElements(By.cssSelector("[data-test=members-ready]"))
                                        .isEmpty());
                    case "reviews" ->
                        until(
                                wall,
                                PAGE,
                                d -> !d.findElements(By.cssSelector("[data-test=reviews-ready]"))
                                        .isEmpty());
                    case "branch" ->
                        until(
                                wall,
                                PAGE,
                                d -> !d.findElements(By.cssSelector("[data-test=branch-ready]"))
                                        .isEmpty());
                    case "screen" ->
                        until(
                                wall,
                                PAGE,
                                d -> !d.findElements(By.cssSelector("[data-test=screen-kpis]"))
                                        .isEmpty());
                    case "workplace" ->
                        until(
                                wall,
                                PAGE,
                                d -> !d.findElements(By.cssSelector("[data-test=workplace-ready]"))
                                        .isEmpty());
                    case "whistle" ->
                        until(
                                wall,
                                PAGE,
                                d -> d.findElements(By.cssSelector("[data-test=category] option"))
                                                .size()
                                        > 10);
                    default ->
                        until(
                                wall,
                                PAGE,
                                d -> !d.findElements(By.cssSelector("[data-test=look-up]"))
                                        .isEmpty());
                }
                if (page.equals("command")) {
                    // the 考核评价 tile: the level's 三率 and 按期处置率 with their six months and the rank
                    until(
                            wall,
                            PAGE,
                            d -> !d.findElements(By.cssSelector("[data-test=eval-tile-rank]"))
                                    .isEmpty());
                    assertThat(wall.findElements(By.cssSelector("[data-test=eval-tile-value]")).stream()
                                    .map(WebElement::getText)
                                    .toList())
                            .as("%s: the tile's rates", username)
                            .hasSize(4)
                            .allMatch(v -> v.matches("\\d+\\.\\d{2}%|—"));
                    assertThat(wall.findElements(By.cssSelector("[data-test=eval-tile] svg")))
                            .hasSize(4);
                    assertThat(text(wall, "#eval-tile-title")).matches("考核评价 · .+ · \\d{4}年\\d{1,2}月");
                    assertThat(text(wall, "[data-test=eval-tile-rank]")).matches(".*(排名第 \\d+ 名|无同级排名|不参与排名).*");
                }
                assertThat(wall.findElements(By.cssSelector(".error")))
                        .as("%s on %s: %s", username, page, text(wall, ".error"))
                        .isEmpty();
            }
        }
        assertThat(offered.get("gn.street.sunhongwei"))
                .contains("command", "evaluation")
                .doesNotContain("unit");
        assertThat(offered.get("qq.leader.yangzhiqiang")).contains("command");
        assertThat(offered.get("gn.lzg.huangjiye")).contains("unit").doesNotContain("command");
        assertThat(offered.get("ls.resident.zhangguilan")).containsExactly("whistle", "track", "members");
        assertThat(offered.get("admin")).containsExactly("whistle", "track", "ratings", "keys");
        assertThat(offered.get("gn.street.sunhongwei")).contains("ratings");
    }

    /**
     * 赵玉梅's phone page (党员进小区): she moves from 永青小区 to 将军府小区 and reports in there; once its branch
     * (韩淑芬, through the API — the branch's page is not built yet) confirms her, she claims the patrol task, is
     * told in Chinese how to allow her location when the phone refuses it (WeChat included), checks in on site with
     * a photo, finishes with evidence, sees the approved points in her history and redeems an item — no script
     * error, every control labelled, nothing wider than the phone, every button at least 44 px high.
     */
    @Test
    void letsAMemberReportInClaimCheckInFinishAndRedeemFromHerPhone() throws IOException {
        var api = new org.whistle.systemtests.DemoLogin(gateway, org.whistle.systemtests.DemoAccounts.load());
        signIn(phone, "jh.party.zhaoyumei", "/members.html");
        until(
                phone,
                PAGE,
                d -> !d.findElements(By.cssSelector("[data-test=members-ready]"))
                        .isEmpty());
        until(phone, PAGE, d -> text(d, "[data-test=mb-membership]").contains("永青小区"));
        assertFitsTheScreen(phone);
        assertEveryControlIsLabelled(phone);
        assertTapTargets(phone);
        fullPageScreenshot(phone, "20-member-yongqing");

        // She moves house: the form offers the compound of her account (将军府小区).
        clickXpath(phone, "//button[normalize-space()='搬家了，转到新小区']");
        phone.findElement(By.cssSelector("form.dialog input[maxlength='200']")).sendKeys("将军府小区1号楼2单元502");
        clickXpath(phone, "//button[normalize-space()='转到新小区']");
        until(
                phone,
                PAGE,
                d -> text(d, "[data-test=mb-membership]").contains("将军府小区")
                        && text(d, "[data-test=mb-membership]").contains("待确认"));
        var secretary = api.user("jh.jjf.hanshufen");
        var member = api.user("jh.party.zhaoyumei");
        var memberId = call("GET", "/api/members/memberships/me", member, null)
                .get("id")
                .asString();
        call(
                "POST",
                "/api/members/memberships/" + memberId + "/confirm",
                secretary,
                "{\"gridId\":\"230203003001003001\",\"buildingId\":\"230203003001003001001\"}");

        // She claims 将军府小区's evening patrol; the secretary confirms her.
        phone.navigate().refresh();
        until(phone, PAGE, d -> text(d, "[data-test=mb-membership]").contains("已报到"));
        clickXpath(phone, "//li[strong[normalize-space()='将军府小区夜间平安巡逻']]//button[normalize-space()='认领']");
        until(phone, PAGE, d -> text(d, "[data-test=mb-message]").contains("已认领"));
        var taskId = call("GET", "/api/members/tasks/mine", member, null)
                .get(0)
                .get("id")
                .asString();
        call("POST", "/api/members/tasks/" + taskId + "/confirm", secretary, "{\"memberId\":\"" + memberId + "\"}");

        // The phone refuses her location: the page says why and how to allow it, in WeChat too.
        phone.navigate().refresh();
        until(
                phone,
                PAGE,
                d -> !d.findElements(By.cssSelector("[data-test=mb-locate]")).isEmpty());
        phone.executeCdpCommand(
                "Browser.setPermission",
                Map.of(
                        "origin", phone.executeScript("return location.origin"),
                        "permission", Map.of("name", "geolocation"),
                        "setting", "denied"));
        click(phone, "[data-test=mb-locate]");
        until(phone, PAGE, d -> text(d, "[data-test=mb-geo-error]").contains("微信"));
        fullPageScreenshot(phone, "21-member-location-refused");

        // On site in 将军府小区 (P2), with a photo, she checks in and then finishes.
        gps(phone, 47.356255, 123.962613);
        click(phone, "[data-test=mb-locate]");
        until(
                phone,
                PAGE,
                d -> !d.findElements(By.cssSelector(".ok")).isEmpty()
                        && text(d, ".ok").contains("47.35"));
        phone.findElement(By.cssSelector("[data-test=mb-checkin-photo]"))
                .sendKeys(photo().toAbsolutePath().toString());
        click(phone, "[data-test=mb-check-in]");
        until(phone, PAGE, d -> text(d, "[data-test=mb-message]").contains("已签到"));
        phone.findElement(By.cssSelector("[data-test=mb-evidence]")).sendKeys("沿主路和地下车库巡逻一圈，单元门均已关好。");
        // the hours offered (half an hour) are what may be claimed right after checking in
        phone.findElement(By.cssSelector("[data-test=mb-finish-photo]"))
                .sendKeys(photo().toAbsolutePath().toString());
        click(phone, "[data-test=mb-finish]");
        until(phone, PAGE, d -> text(d, "[data-test=mb-message]").contains("已提交"));
        fullPageScreenshot(phone, "22-member-finished");

        // The secretary approves: the task's points are in her history; she redeems the cheapest item she can.
        call("POST", "/api/members/tasks/" + taskId + "/approve", secretary, "{\"memberId\":\"" + memberId + "\"}");
        phone.navigate().refresh();
        click(phone, "[data-test=mb-tab-points]");
        until(phone, PAGE, d -> text(d, "[data-test=mb-points]").contains("将军府小区夜间平安巡逻"));
        fullPageScreenshot(phone, "23-member-points");
        click(phone, "[data-test=mb-tab-shop]");
        until(
                phone,
                PAGE,
                d -> !d.findElements(By.cssSelector("[data-test=mb-catalogue]")).isEmpty());
        assertTapTargets(phone);
        click(phone, "[data-test=mb-redeem]");
        until(phone, PAGE, d -> text(d, "[data-test=mb-message]").contains("已兑换"));
        assertFitsTheScreen(phone);
        fullPageScreenshot(phone, "24-member-redeemed");
        assertThat(phone.findElements(By.cssSelector("[data-test=mb-error]"))).isEmpty();
        var scriptErrors = phone.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                // refused calls (a problem detail the page shows) are the network's, not the script's
                .filter(m -> !m.contains("Failed to load resource"))
                .toList();
        assertThat(scriptErrors).as("script errors on the member's page").isEmpty();
    }

    /** Every visible button and button-like label is at least 44 CSS pixels high: a finger's tap target. */
    private static void assertTapTargets(WebDriver driver) {
        var small = (List<?>) ((JavascriptExecutor) driver).executeScript("""
                return [...document.querySelectorAll('main button, main label.button, main a.button')]
                  .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
                  .map(e => e.outerHTML.substring(0, 120));""");
        assertThat(small).as("tap targets under 44 px").isEmpty();
    }

    /** A call through the gateway with a demo user's token, as the pages' other actors would make it. */
    private tools.jackson.databind.JsonNode call(String method, String path, String token, String json)
            throws IOException {
        var request = HttpRequest.newBuilder(gateway.resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try (var http = HttpClient.newHttpClient()) {
            var answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode())
                    .as(method + " " + path + ": " + answer.body())
                    .isBetween(200, 201);
            return JsonMapper.builder().build().readTree(answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** When intake says the whistle was raised, asked as its anonymous reporter. */
    private Instant raisedAt(String code) throws IOException {
        var query = "/api/whistles/track?code=" + code + "&phone=" + RESIDENT_PHONE;
        try (var http = HttpClient.newHttpClient()) {
            var answer = http.send(
                    HttpRequest.newBuilder(gateway.resolve(query)).build(), HttpResponse.BodyHandlers.ofString());
            return Instant.parse(JsonMapper.builder()
                    .build()
                    .readTree(answer.body())
                    .get("raisedAt")
                    .asString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String shanghai(Instant at) {
        return DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss")
                .withZone(ZoneId.of("Asia/Shanghai"))
                .format(at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void showsAResidentHerWhistlesStepByStepTellsHerToCallInAnEmergencyAndNamesThePlaceUnderThePin()
            throws IOException {
        // 张桂兰, signed in on her phone, picks 火灾: the page tells her at once to call 119 / 110 / 120, and marks the
        // whistle urgent.
        signIn(phone, "ls.resident.zhangguilan", "/whistle.html");
        until(
                phone,
                PAGE,
                d -> d.findElements(By.cssSelector("[data-test=category] option"))
                                .size()
                        > 10);
        new Select(phone.findElement(By.cssSelector("[data-test=category]"))).selectByValue("EMERGENCY-FIRE");
        until(
                phone,
                PAGE,
                d -> !d.findElements(By.cssSelector("[data-test=emergency]")).isEmpty());
        for (var number : List.of("119", "110", "120")) {
            assertThat(phone.findElement(By.cssSelector("[data-test=call-" + number + "]"))
                            .getDomAttribute("href"))
                    .isEqualTo("tel:" + number);
        }
        assertThat(text(phone, "[data-test=emergency]")).contains("火警 119").contains("已为您选为“紧急”");
        assertThat(phone.findElement(By.cssSelector("[data-test=urgent]")).isSelected())
                .isTrue();
        fullPageScreenshot(phone, "40-whistle-emergency-phone");

        // A road problem instead: no banner; the pin's place is named under it (intake's reverse lookup) and becomes
        // the address.
        phone.get(gateway.resolve("/whistle.html").toString());
        fillWhistle("MUNICIPAL-ROAD-DAMAGE", "人行道地砖松动，老人容易绊倒。", LAT, LNG);
        assertThat(phone.findElements(By.cssSelector("[data-test=emergency]"))).isEmpty();
        until(phone, PAGE, d -> text(d, "[data-test=place]").contains("文明大街附近"));
        assertThat(text(phone, "[data-test=place]")).contains("甘南县甘南镇繁荣社区");
        assertThat(phone.findElement(By.id("address")).getDomProperty("value")).startsWith("甘南县甘南镇繁荣社区");
        fullPageScreenshot(phone, "41-whistle-address-under-the-pin-phone");
        click(phone, "[data-test=submit]");
        until(
                phone,
                PAGE,
                d -> !d.findElements(By.cssSelector("[data-test=tracking-code]"))
                        .isEmpty());
        var code = text(phone, "[data-test=tracking-code]");

        // 我的吹哨 lists it in plain Chinese; her own code opens it on 进度 without her phone, step by step.
        phone.get(gateway.resolve("/track.html").toString());
        until(
                phone,
                PAGE,
                d -> !d.findElements(By.cssSelector("[data-test=mine-item]")).isEmpty());
        assertThat(text(phone, "[data-test=mine-item]")).contains("道路破损").contains("已上报");
        assertFitsTheScreen(phone);
        fullPageScreenshot(phone, "42-track-my-whistles-phone");
        phone.findElement(By.id("code")).sendKeys(code);
        clickXpath(phone, "//button[normalize-space()='查询']");
        until(
                phone,
                PAGE,
                d -> !d.findElements(By.cssSelector("[data-test=steps]")).isEmpty());
        assertThat(text(phone, "[data-test=steps]")).contains("已上报", "已受理", "已派单", "处置中", "已办结", "待评价");

        // The text message's link opens the same whistle, the code after '#', never sent to a server again.
        phone.get(gateway.resolve("/track/" + code).toString());
        until(
                phone,
                PAGE,
                d -> !d.findElements(By.cssSelector("[data-test=steps]")).isEmpty());
        assertThat(phone.getCurrentUrl()).contains("/track.html#code=").doesNotContain("?code=");
        assertEveryControlIsLabelled(phone);
        fullPageScreenshot(phone, "43-track-steps-from-the-text-message-phone");
    }

    /**
     * Signs the browser out of everyone by forgetting its cookies, after leaving the page for one that asks nothing:
     * a console page's requests still under way when the cookies go could answer with a session cookie afterwards,
     * and the next sign-in would then find the last account still signed in at the authorization server.
     */
    private void forgetEveryone(ChromeDriver driver) {
        driver.get(gateway.resolve("/bff/config").toString());
        driver.manage().deleteAllCookies();
    }

    @BeforeEach
    void everyoneSignedOutInChinese() {
        for (var driver : List.of(phone, wall)) {
            driver.get(gateway.resolve("/").toString());
            driver.manage().deleteAllCookies();
            driver.executeScript("localStorage.clear()");
        }
    }

    private void fillWhistle(String category, String description, double lat, double lng) {
        until(
                phone,
                PAGE,
                d -> d.findElements(By.cssSelector("[data-test=category] option"))
                                .size()
                        > 10);
        new Select(phone.findElement(By.cssSelector("[data-test=category]"))).selectByValue(category);
        phone.findElement(By.cssSelector("[data-test=description]")).sendKeys(description);
        gps(phone, lat, lng);
        click(phone, "[data-test=locate]");
        until(phone, PAGE, d -> text(d, "[data-test=located]").contains(String.format("%.6f", lat)));
        // Nearby whistles of the kind appear above the submit button once looked up: wait, so nothing moves under a
        // tap.
        until(
                phone,
                PAGE,
                d -> !d.findElements(By.cssSelector("form[data-nearby-checked=true]"))
                        .isEmpty());
    }

    private void signIn(ChromeDriver driver, String username, String page) {
        driver.get(gateway.resolve("/bff/login?return=" + URLEncoder.encode(page, StandardCharsets.UTF_8))
                .toString());
        until(driver, PAGE, d -> !d.findElements(By.id("username")).isEmpty());
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(passwords.get(username));
        click(driver, "form button[type=submit]");
        var path = page.contains("?") ? page.substring(0, page.indexOf('?')) : page;
        until(driver, PAGE, d -> URI.create(d.getCurrentUrl()).getPath().equals(path));
        until(
                driver,
                PAGE,
                d -> !d.findElements(By.cssSelector("[data-test=who]")).isEmpty());
    }

    private void signOut(ChromeDriver driver) {
        clickXpath(driver, "//button[normalize-space()='退出']");
        until(
                driver,
                PAGE,
                d -> !d.findElements(By.cssSelector("[data-test=sign-in]")).isEmpty());
    }

    /** Grants the page the location and makes the phone's GPS answer this point. */
    private void gps(ChromeDriver driver, double lat, double lng) {
        driver.executeCdpCommand(
                "Browser.grantPermissions",
                Map.of(
                        "origin",
                        driver.executeScript("return location.origin"),
                        "permissions",
                        List.of("geolocation")));
        driver.executeCdpCommand(
                "Emulation.setGeolocationOverride", Map.of("latitude", lat, "longitude", lng, "accuracy", 8));
    }

    private static Set<String> tickets(WebDriver driver) {
        var numbers = new HashSet<String>();
        for (var row : driver.findElements(By.cssSelector("[data-test=queue] tr[data-ticket]"))) {
            numbers.add(row.getDomAttribute("data-ticket"));
        }
        return numbers;
    }

    private static String text(WebDriver driver, String css) {
        var found = driver.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.getFirst().getText().strip();
    }

    /** Clicks once the element is there and enabled: a button is disabled while its page is busy. */
    private static void click(WebDriver driver, String css) {
        clickable(driver, By.cssSelector(css));
    }

    private static void clickXpath(WebDriver driver, String xpath) {
        clickable(driver, By.xpath(xpath));
    }

    private static void clickable(WebDriver driver, By by) {
        until(driver, PAGE, d -> d.findElements(by).stream().anyMatch(e -> e.isDisplayed() && e.isEnabled()));
        driver.findElements(by).stream()
                .filter(e -> e.isDisplayed() && e.isEnabled())
                .findFirst()
                .orElseThrow()
                .click();
    }

    /** Waits for the condition; on a time-out the page is saved as {@code failed-<n>.png} beside the others. */
    private static void until(WebDriver driver, Duration timeout, Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(driver, timeout, Duration.ofMillis(250))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                System.err.println("Time-out on " + driver.getCurrentUrl() + "; the browser said:");
                driver.manage()
                        .logs()
                        .get(org.openqa.selenium.logging.LogType.BROWSER)
                        .forEach(System.err::println);
            } catch (RuntimeException ignored) {
                // the time-out is what the report needs
            }
            try {
                fullPageScreenshot((ChromeDriver) driver, "failed-" + System.currentTimeMillis());
            } catch (IOException | RuntimeException ignored) {
                // the time-out is what the report needs
            }
            throw e;
        }
    }

    /** Nothing sticks out sideways: no horizontal scrolling at this width. */
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

    /** The whole page, not only what the window shows, as Chrome renders it for this device. */
    private static void fullPageScreenshot(ChromeDriver driver, String name) throws IOException {
        driver.executeScript("window.scrollTo(0, 0)");
        var metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        var content = (Map<?, ?>) metrics.get("cssContentSize");
        // Capturing beyond the viewport drops the scroll bar, and the page lays out at the window's full width.
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

    /** A real JPEG, as a phone's camera would hand over. */
    private static Path photo() throws IOException {
        var image = new java.awt.image.BufferedImage(320, 240, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new java.awt.Color(90, 90, 90));
        graphics.fillRect(0, 0, 320, 240);
        graphics.setColor(new java.awt.Color(200, 170, 60));
        graphics.fillRect(0, 110, 320, 20);
        graphics.dispose();
        var file = Files.createTempFile("whistle-photo", ".jpg");
        javax.imageio.ImageIO.write(image, "jpg", file.toFile());
        return file;
    }
}
