package org.whistle.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.whistle.localstack.Service;
import tools.jackson.databind.JsonNode;

/**
 * The seed article's stories, end to end through the gateway with every service running: the people of 齐齐哈尔 raise
 * whistles, command centres file and summon, units report in and handle, the reporter judges, the loop closes — or
 * climbs up the levels when nobody answers. The fifth story, an Open311 client raising and following a request, is
 * {@code Open311ClientTest}'s. The stories raise their own whistles and look only at those, so they run side by side
 * (the escalation story spends most of its minute waiting for clocks), while the class runs alone like the others.
 */
@ExtendWith(SharedLocalStack.class)
class SeedStoriesTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    private final Platform platform;
    private final Gateway gateway;
    private final Casework casework;

    SeedStoriesTest(Platform platform) {
        this.platform = platform;
        this.gateway = platform.gateway();
        this.casework = new Casework(platform);
    }

    /**
     * Story 1 (5月21日, 甘南县): 繁荣社区's grid worker 李淑霞 sees the road damaged at the crossing of 文明大街 and 农机路
     * and whistles from her phone with a video; 甘南镇 files it and summons the county housing bureau's roads section;
     * its head 黄继业 reports in, his officer fixes the road and reports it done with a photo; 甘南镇 verifies; 李淑霞 is
     * satisfied; the loop closes, every step on the ticket's timeline.
     */
    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void roadDamageWhistledWithAVideoIsFiledFixedVerifiedAndClosedWithTheTimelineComplete() {
        var reporter = "gn.grid.lishuxia";
        var street = "gn.street.sunhongwei";
        var sectionHead = "gn.lzg.huangjiye";
        var sectionOfficer = "gn.lzg.mahaitao";
        var roads = Place.CROSSING.leadUnit;

        var raised = casework.raiseWithEvidence(
                reporter,
                Place.CROSSING,
                "MUNICIPAL-ROAD-DAMAGE",
                "APP",
                "NORMAL",
                "文明大街与农机路交叉路口道路部分损坏，影响通行",
                null,
                "road.mp4",
                "video/mp4",
                Casework.video());
        var whistleId = raised.path("id").asString();
        assertThat(raised.at("/grid/id").asString()).isEqualTo(Place.CROSSING.grid);
        assertThat(raised.at("/street/name").asString()).isEqualTo("甘南镇");
        assertThat(raised.at("/evidence/0/contentType").asString()).isEqualTo("video/mp4");
        var video = raised.at("/evidence/0/mediaId").asString();

        var ticket = casework.awaitTicket(whistleId);
        var ticketId = ticket.path("id").asString();
        assertThat(ticket.path("owningCentre").asString()).isEqualTo(Place.CROSSING.streetCentre);
        assertThat(ticket.path("level").asString()).isEqualTo("STREET");
        assertThat(ticket.path("number").asString()).matches("QQHR-\\d{8}-\\d{6}");
        var queue = gateway.get(
                        "/api/queues/centres/" + Place.CROSSING.streetCentre + "?state=RAISED&size=100",
                        casework.token(street))
                .expect(200);
        assertThat(queue.toString()).contains(ticketId);

        casework.centre(street, ticketId, "file", "{}");
        var proposal = gateway.get("/api/tickets/" + ticketId + "/proposal", casework.token(street))
                .expect(200);
        assertThat(proposal.path("lead").asString()).isEqualTo(roads);
        casework.centre(street, ticketId, "summon", "{\"lead\":\"" + roads + "\"}");

        awaitInbox(sectionHead, whistleId, "whistle-routed");
        casework.unit(sectionHead, ticketId, roads, "report-in", "{}");
        casework.unit(sectionOfficer, ticketId, roads, "on-site", "{}");
        casework.unit(sectionOfficer, ticketId, roads, "contacted-reporter", "{\"note\":\"已电话告知李淑霞维修安排\"}");
        var photo = casework.uploadEvidence(sectionOfficer, whistleId, "路面已修复，恢复通行", Casework.photo());
        var done = Gateway.JSON.createObjectNode().put("note", "路面已修复，恢复通行");
        done.putArray("evidence").add(photo);
        var resolved = casework.unit(sectionOfficer, ticketId, roads, "done", done.toString());
        assertThat(resolved.path("state").asString()).isEqualTo("RESOLVED");

        casework.centre(street, ticketId, "verify", "{\"pass\":true,\"note\":\"现场核查路面已修复\"}");

        var followed = awaitWhistle(reporter, whistleId, w -> w.path("canRate").asBoolean(false));
        assertThat(followed.path("resultEvidence").findValuesAsString("mediaId"))
                .contains(photo.path("mediaId").asString());
        gateway.post(
                        "/api/whistles/" + whistleId + "/feedback",
                        casework.token(reporter),
                        "{\"rating\":\"SATISFIED\",\"resolved\":true,\"comment\":\"修得很快，谢谢！\"}")
                .expect(201);

        var closed = awaitTicketState(ticketId, "CLOSED");
        assertThat(closed.path("outcome").asString()).isEqualTo("RESOLVED");
        assertThat(closed.path("chainIntact").asBoolean()).isTrue();
        var timeline = closed.path("timeline");
        assertThat(timeline.findValuesAsString("action"))
                .containsExactly(
                        "RAISE",
                        "FILE",
                        "SUMMON",
                        "REPORT_IN",
                        "ON_SITE",
                        "CONTACTED_REPORTER",
                        "DONE",
                        "VERIFY_PASS",
                        // The reporter's answer counts for the round in the timeline (issue 17), then the ticket
                        // closes.
                        "FOLLOW_UP_RESOLVED",
                        "CLOSE");
        assertThat(entry(timeline, "FILE").at("/actor/userId").asString()).isEqualTo(street);
        assertThat(entry(timeline, "REPORT_IN").at("/actor/userId").asString()).isEqualTo(sectionHead);
        assertThat(entry(timeline, "REPORT_IN").path("unit").asString()).isEqualTo(roads);
        assertThat(entry(timeline, "DONE").at("/actor/userId").asString()).isEqualTo(sectionOfficer);
        assertThat(entry(timeline, "DONE").path("evidence").findValuesAsString("mediaId"))
                .containsExactly(photo.path("mediaId").asString());
        assertThat(entry(timeline, "VERIFY_PASS").at("/actor/userId").asString())
                .isEqualTo(street);
        var followUpBy = entry(timeline, "FOLLOW_UP_RESOLVED").path("phoneFollowUpBy");
        assertThat(followUpBy.isNull() || followUpBy.isMissingNode())
                .as("the reporter answered in person, not through a centre's phone follow-up")
                .isTrue();
        assertThat(closed.at("/tasks/0/state").asString()).isEqualTo("DONE");

        var reporterView = awaitWhistle(
                reporter, whistleId, w -> w.path("status").asString().equals("CLOSED"));
        assertThat(reporterView.path("timeline").findValuesAsString("status")).contains("FILED", "RESOLVED", "CLOSED");
        var download = gateway.call("GET", "/api/whistles/" + whistleId + "/evidence/" + video)
                .token(casework.token(reporter))
                .send();
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("video/mp4");
        assertThat(download.body())
                .as("the phone's location is stripped from the video")
                .doesNotContain(Casework.VIDEO_LOCATION);
        // 李淑霞 heard of each step in her inbox; past three routine messages a whistle in an hour, the quiet rules
        // keep the rest for one digest, so the closing one is delivered or deferred, never lost.
        awaitInbox(reporter, whistleId, "whistle-routed");
        awaitInbox(reporter, whistleId, "whistle-reported");
        var told = new JsonNode[1];
        await("the reporter's delivery of the closing")
                .atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    told[0] = gateway
                            .get("/api/notifications/deliveries?whistleId=" + whistleId, casework.token(street))
                            .expect(200)
                            .values()
                            .stream()
                            .map(sent -> sent.path("delivery"))
                            .filter(d -> d.path("eventType").asString().equals("whistle-closed")
                                    && d.path("recipient").asString().equals("user:" + reporter)
                                    && d.path("channel").asString().equals("INBOX"))
                            .findFirst()
                            .orElse(null);
                    return told[0] != null
                            && List.of("SENT", "DEFERRED")
                                    .contains(told[0].path("status").asString());
                });
    }

    /**
     * Story 2 (龙沙区永青小区): a resident whistles on WeChat about the old bike sheds blocking the compound; 湖滨街道's
     * dispatcher passes it to the district, whose command centre summons the property company (lead), the district's
     * urban management bureau and the fire brigade in one summons; each reports in and reports done, every one through
     * its own demo account; the loop closes.
     */
    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void bikeShedsWhistledOnWeChatAreHandledByThreeUnitsSummonedOnceWithTheirLead() {
        var resident = "ls.resident.zhangguilan";
        var street = "ls.street.helina";
        var district = "ls.district.chenlei";
        var property = "ls-yongqing-wy-system";
        var urbanManagement = "ls-cgj-system";
        var propertyUnit = "QQ-230202002001003-WY";
        var urbanUnit = "QQ-230202-CGJ";
        var fireUnit = "QQ-230202-XF";
        var fire = "ls.xf.wangpeng";

        var raised = casework.raise(
                resident,
                Place.YONGQING,
                "PROPERTY-SHED-ENCROACHMENT",
                "WECHAT",
                "NORMAL",
                "小区内三处老旧车棚占地，影响小区交通和居民出行",
                null);
        var whistleId = raised.path("id").asString();
        var ticketId = casework.awaitTicket(whistleId).path("id").asString();

        casework.centre(
                street,
                ticketId,
                "transfer",
                "{\"centre\":\"" + Place.YONGQING.districtCentre
                        + "\",\"level\":\"DISTRICT\",\"reason\":\"涉及物业、城管、消防，需区级统筹\"}");
        casework.centre(district, ticketId, "file", "{}");
        casework.centre(
                district,
                ticketId,
                "summon",
                "{\"lead\":\"" + propertyUnit + "\",\"coUnits\":[\"" + urbanUnit + "\",\"" + fireUnit + "\"]}");

        for (var unit : List.of(property, urbanManagement, fire)) {
            awaitInbox(unit, whistleId, "whistle-routed");
        }
        casework.unit(property, ticketId, propertyUnit, "report-in", "{}");
        casework.unit(urbanManagement, ticketId, urbanUnit, "report-in", "{}");
        casework.unit(fire, ticketId, fireUnit, "report-in", "{}");
        casework.unit(fire, ticketId, fireUnit, "done", Casework.doneWithEvidence("消防通道核查完毕，拆除期间无隐患"));
        casework.unit(urbanManagement, ticketId, urbanUnit, "done", Casework.doneWithEvidence("违建车棚认定并监督拆除"));
        var photo = casework.uploadEvidence(property, whistleId, "三处车棚已拆除，场地平整", Casework.photo());
        var done = Gateway.JSON.createObjectNode().put("note", "三处车棚共1000余平方米已拆除，将改造为休闲广场");
        done.putArray("evidence").add(photo);
        var resolved = casework.unit(property, ticketId, propertyUnit, "done", done.toString());
        assertThat(resolved.path("state").asString()).isEqualTo("RESOLVED");

        casework.centre(district, ticketId, "verify", "{\"pass\":true,\"note\":\"现场核查车棚已拆除\"}");
        awaitWhistle(resident, whistleId, w -> w.path("canRate").asBoolean(false));
        gateway.post(
                        "/api/whistles/" + whistleId + "/feedback",
                        casework.token(resident),
                        "{\"rating\":\"SATISFIED\",\"resolved\":true}")
                .expect(201);

        var closed = awaitTicketState(ticketId, "CLOSED");
        assertThat(closed.path("level").asString()).isEqualTo("DISTRICT");
        assertThat(closed.path("owningCentre").asString()).isEqualTo(Place.YONGQING.districtCentre);
        var timeline = closed.path("timeline");
        assertThat(timeline.findValuesAsString("action").stream().filter("SUMMON"::equals))
                .as("one summons")
                .hasSize(1);
        assertThat(entry(timeline, "SUMMON").path("note").asString())
                .contains(propertyUnit + "（主办）", urbanUnit, fireUnit);
        for (var unit : List.of(propertyUnit, urbanUnit, fireUnit)) {
            var actions = timeline.values().stream()
                    .filter(e -> unit.equals(e.path("unit").asString(null)))
                    .map(e -> e.path("action").asString())
                    .toList();
            assertThat(actions).as(unit).containsExactly("REPORT_IN", "DONE");
        }
        assertThat(closed.path("tasks").values().stream()
                        .filter(t -> t.path("lead").asBoolean())
                        .map(t -> t.path("unit").asString()))
                .containsExactly(propertyUnit);
        assertThat(closed.path("tasks").findValuesAsString("state")).containsOnly("DONE");
        assertThat(closed.path("chainIntact").asBoolean()).isTrue();
    }

    /**
     * Story 3 (督哨): an urgent whistle nobody files. Under a compressed deadline policy — five policy minutes to file
     * at street and district, five seconds at the demo's sixty-fold time — its clock runs out at the street, then at
     * the district: the ticket climbs to the city with a supervision order against each late centre, every centre on
     * the way hears of it urgently, the reporter is texted; the city files it and the roads section it summons hears
     * at once.
     */
    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void anUnansweredWhistleClimbsStreetDistrictCityWithSupervisionOrdersAndEveryoneIsTold() throws Exception {
        var category = compressedCategory();
        var raised = casework.raise(
                null, Place.CROSSING, category, "WECHAT", "URGENT", "文明大街与农机路交叉路口路面塌陷，急需处理", "13900000123");
        var whistleId = raised.path("id").asString();

        var city = awaitTicket(
                whistleId, t -> t.path("level").asString().equals("CITY"), Duration.ofMinutes(4), "climbs to the city");
        var ticketId = city.path("id").asString();
        assertThat(city.path("levelHistory").findValuesAsString("level")).containsExactly("STREET", "DISTRICT", "CITY");
        assertThat(city.path("levelHistory").findValuesAsString("centre"))
                .containsExactly(Place.CROSSING.streetCentre, Place.CROSSING.districtCentre, Place.CITY_CENTRE);
        var orders = city.path("supervisionOrders");
        assertThat(orders.findValuesAsString("against"))
                .containsExactly(Place.CROSSING.streetCentre, Place.CROSSING.districtCentre);
        assertThat(orders.findValuesAsString("clock")).containsOnly("FILE");
        assertThat(orders.findValuesAsString("fromLevel")).containsExactly("STREET", "DISTRICT");
        assertThat(orders.findValuesAsString("toLevel")).containsExactly("DISTRICT", "CITY");
        assertThat(city.path("timeline").findValuesAsString("action"))
                .containsSubsequence("RAISE", "RAISE_LEVEL", "RAISE_LEVEL");
        assertThat(city.path("state").asString()).isEqualTo("RAISED");

        // The late centres and the ones above them are told, urgently (督办).
        for (var centre : List.of("gn.street.sunhongwei", "gn.county.liuyan", Casework.CITY_DISPATCHER)) {
            var item = awaitInbox(centre, whistleId, "whistle-escalated");
            assertThat(item.path("urgency").asString()).as(centre).isEqualTo("URGENT");
        }
        // The street can no longer act on it: it belongs to the city now.
        assertThat(gateway.post("/api/tickets/" + ticketId + "/file", casework.token("gn.street.sunhongwei"), "{}")
                        .status())
                .isEqualTo(403);

        var section = "gn-zjj-lzg-system";
        var stream = new LiveStream(gateway, casework.token(section));
        try {
            casework.centre(Casework.CITY_DISPATCHER, ticketId, "file", "{}");
            casework.centre(
                    Casework.CITY_DISPATCHER, ticketId, "summon", "{\"lead\":\"" + Place.CROSSING.leadUnit + "\"}");
            await("the roads section's live stream hears of the summons")
                    .atMost(EVENTUALLY)
                    .until(() -> stream.lines().stream().anyMatch(line -> line.contains(whistleId)));
        } finally {
            stream.close();
        }
        awaitInbox(section, whistleId, "whistle-routed");
        var notificationLog = platform.log(Service.NOTIFICATION);
        await("the reporter's text message is logged by the development provider, masked")
                .atMost(EVENTUALLY)
                .until(() -> Files.readString(notificationLog, StandardCharsets.UTF_8)
                        .lines()
                        .anyMatch(line -> line.contains("NOT SENT") && line.contains("139****0123")));
    }

    /**
     * Story 4 (返工): a reporter who gave only a phone number says the fix did not hold; the ticket reopens with the
     * lead's task back to work, the lead unit is told, redoes it, and the second answer closes the loop.
     */
    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aNotFixedAnswerReopensTheTicketAndTheLeadReworksIt() {
        var phone = "13900000456";
        var street = "gn.street.sunhongwei";
        var roads = Place.CROSSING.leadUnit;
        var section = "gn-zjj-lzg-system";
        var raised =
                casework.raise(null, Place.CROSSING, "MUNICIPAL-ROAD-DAMAGE", "WECHAT", "NORMAL", "农机路人行道砖松动", phone);
        var whistleId = raised.path("id").asString();
        var code = raised.path("trackingCode").asString();
        var ticketId = casework.awaitTicket(whistleId).path("id").asString();
        casework.centre(street, ticketId, "file", "{}");
        casework.centre(street, ticketId, "summon", "{\"lead\":\"" + roads + "\"}");
        casework.unit(section, ticketId, roads, "report-in", "{}");
        casework.unit(section, ticketId, roads, "done", Casework.doneWithEvidence("已重新铺设"));
        casework.centre(street, ticketId, "verify", "{\"pass\":true}");

        awaitTracked(whistleId, code, phone, w -> w.path("canRate").asBoolean(false));
        rateAsAnonymousReporter(whistleId, code, phone, "DISSATISFIED", false, "下雨后又松动了")
                .expect(201);

        var reopened = awaitTicketState(ticketId, "IN_PROGRESS");
        assertThat(reopened.path("reopenCount").asInt()).isEqualTo(1);
        assertThat(reopened.at("/tasks/0/state").asString()).isEqualTo("REPORTED_IN");
        assertThat(reopened.at("/tasks/0/reworkCount").asInt()).isEqualTo(1);
        assertThat(entry(reopened.path("timeline"), "REOPEN").path("note").asString())
                .isNotBlank();
        awaitInboxCount(section, whistleId, "whistle-routed", 2);

        casework.unit(section, ticketId, roads, "done", Casework.doneWithEvidence("返工：基层重新夯实后铺设"));
        casework.centre(street, ticketId, "verify", "{\"pass\":true,\"note\":\"返工后复查合格\"}");
        awaitTracked(whistleId, code, phone, w -> w.path("canRate").asBoolean(false));
        rateAsAnonymousReporter(whistleId, code, phone, "BASICALLY_SATISFIED", true, "这次好了")
                .expect(201);

        var closed = awaitTicketState(ticketId, "CLOSED");
        assertThat(closed.path("outcome").asString()).isEqualTo("RESOLVED");
        assertThat(closed.path("timeline").findValuesAsString("action"))
                .containsSubsequence("DONE", "VERIFY_PASS", "REOPEN", "DONE", "VERIFY_PASS", "CLOSE");
        assertThat(closed.path("chainIntact").asBoolean()).isTrue();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /**
     * A category of urgent whistles whose file clock an administrator compressed to five minutes at street and
     * district level (two hours at the city, so the city has time to act), as an operator would for a drill.
     */
    private String compressedCategory() {
        var admin = casework.token("admin");
        var code = "MUNICIPAL-DRILL-"
                + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        gateway.post(
                        "/api/org/categories",
                        admin,
                        ("{\"code\":\"%s\",\"name\":\"督办演练\",\"parentCode\":\"MUNICIPAL\",\"handlingClass\":\"GENERAL\","
                                        + "\"defaultUrgency\":\"URGENT\"}")
                                .formatted(code))
                .expect(201);
        for (var level : List.of("null", "\"CITY\"")) {
            var file = level.equals("null") ? "PT5M" : "PT2H";
            gateway.post(
                            "/api/org/deadline-policies",
                            admin,
                            ("{\"categoryCode\":\"%s\",\"urgency\":\"URGENT\",\"level\":%s,\"durations\":{\"FILE\":\"%s\","
                                            + "\"REPORT_IN\":\"PT2H\",\"CONTACT_REPORTER\":\"PT2H\",\"RESOLVE\":\"P1D\","
                                            + "\"VERIFY\":\"PT24H\",\"FOLLOW_UP\":\"PT72H\"},\"warningRatio\":0.8,"
                                            + "\"escalation\":\"NEXT_LEVEL\",\"pauseWhen\":[\"SUSPENDED\"]}")
                                    .formatted(code, level, file))
                    .expect(201);
        }
        // Intake takes whistles of a category once its copy of the catalogue (fed from Kafka) has it.
        await("intake offers " + code)
                .atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> gateway.get("/open311/v2/services.json?jurisdiction_id=qiqihar.gov.cn", null)
                        .body()
                        .contains(code));
        return code;
    }

    private static JsonNode entry(JsonNode timeline, String action) {
        return timeline.values().stream()
                .filter(e -> e.path("action").asString().equals(action))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " on the timeline " + timeline));
    }

    private JsonNode awaitTicketState(String ticketId, String state) {
        var found = new JsonNode[1];
        await("ticket " + ticketId + " is " + state)
                .atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    found[0] = casework.ticket(ticketId);
                    return found[0].path("state").asString().equals(state);
                });
        return found[0];
    }

    private JsonNode awaitTicket(String whistleId, Predicate<JsonNode> until, Duration atMost, String what) {
        var found = new JsonNode[1];
        await("the ticket of " + whistleId + " " + what)
                .atMost(atMost)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    found[0] = casework.awaitTicket(whistleId);
                    return until.test(found[0]);
                });
        return found[0];
    }

    private JsonNode awaitWhistle(String account, String whistleId, Predicate<JsonNode> until) {
        var found = new JsonNode[1];
        await("whistle " + whistleId + " as " + account + " sees it")
                .atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    found[0] = gateway.get("/api/whistles/" + whistleId, casework.token(account))
                            .expect(200);
                    return until.test(found[0]);
                });
        return found[0];
    }

    private JsonNode awaitTracked(String whistleId, String code, String phone, Predicate<JsonNode> until) {
        var found = new JsonNode[1];
        await("whistle " + whistleId + " as its reporter tracks it")
                .atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    found[0] = gateway.call("GET", "/api/whistles/" + whistleId)
                            .header("X-Tracking-Code", code)
                            .header("X-Reporter-Phone", phone)
                            .send()
                            .expect(200);
                    return until.test(found[0]);
                });
        return found[0];
    }

    private Gateway.Reply rateAsAnonymousReporter(
            String whistleId, String code, String phone, String rating, boolean resolved, String comment) {
        return gateway.call("POST", "/api/whistles/" + whistleId + "/feedback")
                .header("X-Tracking-Code", code)
                .header("X-Reporter-Phone", phone)
                .json("{\"rating\":\"%s\",\"resolved\":%s,\"comment\":\"%s\"}".formatted(rating, resolved, comment))
                .send();
    }

    /** The newest inbox item of the account about the whistle from an event of the type, once it has arrived. */
    private JsonNode awaitInbox(String account, String whistleId, String eventType) {
        return awaitInboxCount(account, whistleId, eventType, 1).getFirst();
    }

    private List<JsonNode> awaitInboxCount(String account, String whistleId, String eventType, int count) {
        var found = new Object[1];
        await(account + " is told of " + eventType + " on " + whistleId)
                .atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    var items = gateway
                            .get("/api/notifications/inbox?limit=200", casework.token(account))
                            .expect(200)
                            .path("items")
                            .values()
                            .stream()
                            .filter(item ->
                                    whistleId.equals(item.path("whistleId").asString(null))
                                            && item.path("eventType").asString().equals(eventType))
                            .toList();
                    found[0] = items;
                    return items.size() >= count;
                });
        @SuppressWarnings("unchecked")
        var items = (List<JsonNode>) found[0];
        return items;
    }
}
