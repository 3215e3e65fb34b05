package org.whistle.systemtests.access;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.whistle.systemtests.Casework;
import org.whistle.systemtests.Casework.Level;
import org.whistle.systemtests.Casework.Prepared;
import org.whistle.systemtests.Casework.Stage;
import org.whistle.systemtests.DemoAccounts;
import org.whistle.systemtests.Gateway;
import org.whistle.systemtests.Place;
import org.whistle.systemtests.Platform;
import tools.jackson.databind.JsonNode;

/**
 * What the matrix's requests act on, made through the API by the people who would make it: tickets at a stage, the
 * whistles people raised, throwaway organisation data, subscriptions and inbox items. A target shared by several
 * cases is made once; a case that is expected to change its target gets a fresh one, so no case depends on another.
 *
 * <p>Where a principal stands decides its targets: inside its scope a ticket of its own street, district or city (or
 * one that summons its unit), its own whistle for a resident; outside, the same elsewhere — another street, district
 * or unit, or another person's whistle. City-wide principals have no outside.
 */
final class Fixtures {

    /** Where a ticket of the matrix lies: a place and the command level that owns it. */
    record Spot(Place place, Level level) {}

    /** A whistle and how its reporter follows it. */
    record WhistleRef(
            String id,
            String trackingCode,
            @Nullable String mediaId,
            @Nullable String ticketId) {}

    static final String ANONYMOUS_PHONE = "13900000777";

    private static final String OBSERVER = Casework.OBSERVER;

    private final Platform platform;
    private final Casework casework;
    private final Gateway gateway;
    private final DemoAccounts accounts;
    private final Map<String, CompletableFuture<Object>> shared = new ConcurrentHashMap<>();
    private final AtomicInteger serial = new AtomicInteger();
    private final String run = UUID.randomUUID().toString().substring(0, 4).toUpperCase(Locale.ROOT);

    Fixtures(Platform platform) {
        this.platform = platform;
        this.casework = new Casework(platform);
        this.gateway = platform.gateway();
        this.accounts = platform.accounts();
    }

    Casework casework() {
        return casework;
    }

    String token(Principal principal) {
        return casework.token(principal.account);
    }

    String adminToken() {
        return casework.token("admin");
    }

    /** The principal's unit, or null: units act for it, centres are theirs. */
    @Nullable
    String unitOf(Principal principal) {
        var user = accounts.users().stream()
                .filter(each -> each.username().equals(principal.account))
                .findFirst();
        return user.isPresent()
                ? user.get().unit()
                : accounts.client(principal.account).unit();
    }

    /** The first node of the principal's org scope. */
    String areaOf(Principal principal) {
        return accounts.users().stream()
                .filter(user -> user.username().equals(principal.account))
                .map(user -> user.scope().getFirst())
                .findFirst()
                .orElseGet(() -> accounts.client(principal.account).scope().getFirst());
    }

    @SuppressWarnings("unchecked")
    <T> T shared(String key, Supplier<T> make) {
        return (T)
                shared.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(make::get, Thread::startVirtualThread))
                        .join();
    }

    int next() {
        return serial.incrementAndGet();
    }

    String unique(String prefix) {
        return prefix + run + next();
    }

    // ---- tickets ----------------------------------------------------------------------------------------------

    /** The principal's own ticket spot inside its scope, or another street's, district's or unit's outside it. */
    static @Nullable Spot ticketSpot(Principal principal, Scope scope) {
        if (scope == Scope.IN) {
            return switch (principal) {
                case DISTRICT_DISPATCHER -> new Spot(Place.CROSSING, Level.DISTRICT);
                case CITY_DISPATCHER -> new Spot(Place.CROSSING, Level.CITY);
                case PROPERTY_STAFF, RESIDENT -> new Spot(Place.YONGQING, Level.STREET);
                case PARTY_MEMBER -> new Spot(Place.JIANGJUNFU, Level.STREET);
                default -> new Spot(Place.CROSSING, Level.STREET);
            };
        }
        if (principal.citywide()) {
            return null;
        }
        return switch (principal) {
            case DISTRICT_DISPATCHER -> new Spot(Place.YONGQING, Level.DISTRICT);
            case PROPERTY_STAFF, RESIDENT, PARTY_MEMBER -> new Spot(Place.CROSSING, Level.STREET);
            default -> new Spot(Place.YONGQING, Level.STREET);
        };
    }

    @Nullable
    Prepared ticket(Principal principal, Scope scope, Stage stage, boolean fresh) {
        var spot = ticketSpot(principal, scope);
        return spot == null ? null : ticket(spot, stage, fresh, "");
    }

    /**
     * A ticket the principal reads: as {@link #ticketSpot}, except that a district dispatcher reads one of its
     * streets' tickets (it acts only on its own level's).
     */
    @Nullable
    Prepared ticketToRead(Principal principal, Scope scope, Stage stage) {
        var spot = principal == Principal.DISTRICT_DISPATCHER && scope == Scope.IN
                ? new Spot(Place.CROSSING, Level.STREET)
                : ticketSpot(principal, scope);
        return spot == null ? null : ticket(spot, stage, false, "");
    }

    Prepared ticket(Spot spot, Stage stage, boolean fresh, String tag) {
        if (fresh) {
            return casework.prepare(spot.place(), spot.level(), stage);
        }
        return shared(
                "ticket:" + spot + ":" + stage + ":" + tag, () -> casework.prepare(spot.place(), spot.level(), stage));
    }

    /** A ticket whose clocks sla-service already runs (it learns of tickets from Kafka). */
    @Nullable
    Prepared clockedTicket(Principal principal, Scope scope) {
        var ticket = ticketToRead(principal, scope, Stage.DISPATCHED);
        if (ticket == null) {
            return null;
        }
        return shared("clocked:" + ticket.ticketId(), () -> {
            await("sla-service runs the clocks of " + ticket.ticketId())
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> gateway.get("/api/sla/tickets/" + ticket.ticketId(), casework.token(OBSERVER))
                                    .status()
                            == 200);
            return ticket;
        });
    }

    /** A ticket whose owning centre notification-service knows (it learns of tickets from Kafka). */
    @Nullable
    Prepared notifiedTicket(Principal principal, Scope scope) {
        var ticket = ticketToRead(principal, scope, Stage.FILED);
        if (ticket == null) {
            return null;
        }
        return shared("notified:" + ticket.ticketId(), () -> {
            await("notification-service knows the owning centre of " + ticket.whistleId())
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> gateway.get(
                                            "/api/notifications/deliveries?whistleId=" + ticket.whistleId(),
                                            casework.token(Casework.CITY_DISPATCHER))
                                    .status()
                            == 200);
            return ticket;
        });
    }

    /** The unit a principal names on a ticket's task: its own when the ticket summons it, else the ticket's lead. */
    String taskUnit(Principal principal, Prepared ticket) {
        var own = unitOf(principal);
        return own != null && ticket.units().contains(own) ? own : ticket.place().leadUnit;
    }

    // ---- whistles ---------------------------------------------------------------------------------------------

    /**
     * A whistle the principal may follow inside its scope — its own for residents and party members, one whose
     * ticket summons its unit for department and property staff, one raised in its area for everyone else — or,
     * outside, another person's whistle in the same place, for department and property staff one in their own area
     * whose ticket summons other units, or a whistle raised elsewhere.
     */
    @Nullable
    WhistleRef whistle(Principal principal, Scope scope, boolean photo) {
        var spot = ticketSpot(principal, scope);
        if (spot == null) {
            return null;
        }
        var unitStaff = switch (principal) {
            case DEPARTMENT_OFFICER, DEPARTMENT_LEADER, PROPERTY_STAFF -> true;
            default -> false;
        };
        if (unitStaff && scope == Scope.OUT) {
            var home = java.util.Objects.requireNonNull(ticketSpot(principal, Scope.IN))
                    .place();
            return shared("whistle:others-summoned:" + home + ":" + photo, () -> {
                var whistle = raiseAndBring(OBSERVER, home, Stage.FILED, photo);
                var other = home == Place.CROSSING ? "QQ-230225-CGJ" : "QQ-230202-CGJ";
                casework.centre(
                        casework.centreActor(home, Level.STREET),
                        java.util.Objects.requireNonNull(whistle.ticketId()),
                        "summon",
                        "{\"lead\":\"" + other + "\"}");
                await("intake knows whistle " + whistle.id() + " summons " + other)
                        .atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> gateway.get("/api/whistles/" + whistle.id(), casework.token(OBSERVER))
                                .json()
                                .path("status")
                                .asString()
                                .equals("DISPATCHED"));
                return whistle;
            });
        }
        var place = spot.place();
        var reporter = switch (principal) {
            case RESIDENT, PARTY_MEMBER -> scope == Scope.IN ? principal.account : OBSERVER;
            default -> OBSERVER;
        };
        if (principal == Principal.RESIDENT || principal == Principal.PARTY_MEMBER) {
            place = principal == Principal.RESIDENT ? Place.YONGQING : Place.JIANGJUNFU;
        }
        var stage = unitStaff || principal == Principal.COMMUNITY_STAFF ? Stage.DISPATCHED : Stage.RAISED;
        var at = place;
        return shared(
                "whistle:" + reporter + ":" + at + ":" + stage + ":" + photo,
                () -> raiseAndBring(reporter, at, stage, photo));
    }

    private WhistleRef raiseAndBring(String reporter, Place place, Stage stage, boolean photo) {
        var description = "系统测试：楼道里堆放杂物，请处理。";
        var raised = photo
                ? casework.raiseWithEvidence(
                        reporter,
                        place,
                        place.category,
                        "APP",
                        "NORMAL",
                        description,
                        null,
                        "scene.jpg",
                        "image/jpeg",
                        Casework.photo())
                : casework.raise(reporter, place, place.category, "APP", "NORMAL", description, null);
        var id = raised.path("id").asString();
        var ticketId = casework.awaitTicket(id).path("id").asString();
        if (stage != Stage.RAISED) {
            casework.bring(ticketId, place, Level.STREET, stage);
            // Intake learns of filing and summons from dispatch's events; who may see the whistle depends on them.
            await("intake knows whistle " + id + " is " + stage)
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> gateway.get("/api/whistles/" + id, casework.token(OBSERVER))
                            .json()
                            .path("status")
                            .asString()
                            .equals(stage.name()));
        }
        var mediaId = raised.at("/evidence/0/mediaId");
        return new WhistleRef(
                id,
                raised.path("trackingCode").asString(),
                mediaId.isMissingNode() ? null : mediaId.asString(),
                ticketId);
    }

    /**
     * A whistle whose result its reporter may rate: resolved by the lead unit, and known as resolved to intake. The
     * principal's own inside its scope (residents and party members), another reporter's otherwise.
     */
    @Nullable
    WhistleRef resolvedWhistle(Principal principal, Scope scope, boolean fresh) {
        var spot = ticketSpot(principal, scope);
        if (spot == null) {
            return null;
        }
        var own = scope == Scope.IN && (principal == Principal.RESIDENT || principal == Principal.PARTY_MEMBER);
        var reporter = own ? principal.account : OBSERVER;
        var place = own ? (principal == Principal.RESIDENT ? Place.YONGQING : Place.JIANGJUNFU) : spot.place();
        Supplier<WhistleRef> make = () -> {
            var whistle = raiseAndBring(reporter, place, Stage.RESOLVED, false);
            await("intake knows whistle " + whistle.id() + " is resolved")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> gateway.get("/api/whistles/" + whistle.id(), casework.token(OBSERVER))
                            .json()
                            .path("canRate")
                            .asBoolean(false));
            return whistle;
        };
        return fresh ? make.get() : shared("resolved:" + reporter + ":" + place, make);
    }

    /** An anonymous whistle with a phone: its tracking code and that phone let anyone holding them follow it. */
    WhistleRef anonymousWhistle() {
        return shared("anonymous", () -> {
            var raised = casework.raise(
                    null,
                    Place.CROSSING,
                    Place.CROSSING.category,
                    "WECHAT",
                    "NORMAL",
                    "system test: anonymous whistle",
                    ANONYMOUS_PHONE);
            return new WhistleRef(
                    raised.path("id").asString(), raised.path("trackingCode").asString(), null, null);
        });
    }

    /** An open whistle anyone may add a supporting report to. */
    WhistleRef openWhistle() {
        return shared("open", () -> {
            var raised = casework.raise(
                    OBSERVER, Place.CROSSING, Place.CROSSING.category, "APP", "NORMAL", "system test: open", null);
            return new WhistleRef(
                    raised.path("id").asString(), raised.path("trackingCode").asString(), null, null);
        });
    }

    // ---- organisation data (administrators' throwaways) -------------------------------------------------------

    private JsonNode asAdmin(String method, String path, String json, int expected) {
        return gateway.call(method, path).token(adminToken()).json(json).send().expect(expected);
    }

    /** A new 大类 nobody uses. */
    String category(boolean fresh) {
        Supplier<String> make = () -> {
            var code = unique("ST");
            asAdmin(
                    "POST",
                    "/api/org/categories",
                    "{\"code\":\"%s\",\"name\":\"系统测试类\",\"handlingClass\":\"GENERAL\",\"defaultUrgency\":\"NORMAL\"}"
                            .formatted(code),
                    201);
            return code;
        };
        return fresh ? make.get() : shared("category", make);
    }

    static String categoryJson(String code) {
        return "{\"code\":\"%s\",\"name\":\"系统测试类\",\"handlingClass\":\"GENERAL\",\"defaultUrgency\":\"NORMAL\"}"
                .formatted(code);
    }

    /** A new street in 甘南县 (codes 230225901…). */
    String node(boolean fresh) {
        Supplier<String> make = () -> {
            var code = nodeCode();
            asAdmin("POST", "/api/org/nodes", nodeJson(code), 201);
            return code;
        };
        return fresh ? make.get() : shared("node", make);
    }

    String nodeCode() {
        return "230225" + (900 + next());
    }

    static String nodeJson(String code) {
        return "{\"code\":\"%s\",\"kind\":\"STREET\",\"name\":\"系统测试镇\",\"parentCode\":\"230225\",\"validFrom\":\"2024-01-01\"}"
                .formatted(code);
    }

    /** A new grid in 平阳社区 with no boundary yet (codes 230225102001901…). */
    String grid() {
        var code = "230225102001" + (900 + next());
        asAdmin(
                "POST",
                "/api/org/nodes",
                "{\"code\":\"%s\",\"kind\":\"GRID\",\"name\":\"系统测试网格\",\"parentCode\":\"230225102001\",\"validFrom\":\"2024-01-01\"}"
                        .formatted(code),
                201);
        return code;
    }

    /** A small square in the farmland between the city and 甘南县, where no grid lies; each call another one. */
    String square() {
        double lat = 47.515 + next() * 0.002;
        double lng = 123.615;
        double d = 0.0005;
        return "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}"
                .formatted(lng, lat, lng + d, lat, lng + d, lat + d, lng, lat + d, lng, lat);
    }

    /** A new department of 甘南县. */
    String unit(boolean fresh) {
        Supplier<String> make = () -> {
            var code = unique("ST-UNIT-");
            asAdmin("POST", "/api/org/units", unitJson(code), 201);
            return code;
        };
        return fresh ? make.get() : shared("unit", make);
    }

    static String unitJson(String code) {
        return "{\"code\":\"%s\",\"kind\":\"DEPARTMENT\",\"name\":\"系统测试局\",\"areaCode\":\"230225\",\"dutyName\":\"测试员\",\"dutyPhone\":\"13800009999\",\"validFrom\":\"2024-01-01\"}"
                .formatted(code);
    }

    /** A routing rule for a throwaway category in 平阳镇, which no test raises whistles of. */
    String rule(boolean fresh) {
        Supplier<String> make = () -> {
            var id = unique("R-ST-");
            asAdmin("POST", "/api/org/routing-rules", ruleJson(id, category(true)), 201);
            return id;
        };
        return fresh ? make.get() : shared("rule", make);
    }

    static String ruleJson(@Nullable String id, String category) {
        return ("{%s\"categoryCode\":\"%s\",\"areaCode\":\"230225102\",\"level\":null,"
                        + "\"leadUnitCode\":\"QQ-230225-CGJ\",\"coUnitCodes\":[],\"precedence\":1}")
                .formatted(id == null ? "" : "\"ruleId\":\"" + id + "\",", category);
    }

    /** A deadline policy for a throwaway category. */
    String policy(boolean fresh) {
        Supplier<String> make = () -> {
            var id = unique("D-ST-");
            asAdmin("POST", "/api/org/deadline-policies", policyJson(id, category(true)), 201);
            return id;
        };
        return fresh ? make.get() : shared("policy", make);
    }

    static String policyJson(@Nullable String id, String category) {
        return ("{%s\"categoryCode\":\"%s\",\"urgency\":\"NORMAL\",\"level\":null,\"durations\":{\"FILE\":\"PT2H\","
                        + "\"REPORT_IN\":\"PT2H\",\"CONTACT_REPORTER\":\"PT24H\",\"RESOLVE\":\"P7D\",\"VERIFY\":\"PT24H\","
                        + "\"FOLLOW_UP\":\"PT72H\"},\"warningRatio\":0.8,\"escalation\":\"NEXT_LEVEL\","
                        + "\"pauseWhen\":[\"SUSPENDED\"]}")
                .formatted(id == null ? "" : "\"policyId\":\"" + id + "\",", category);
    }

    /** A working-hour calendar of its own. */
    String calendar(boolean fresh) {
        Supplier<String> make = () -> {
            var id = unique("CAL-ST-");
            asAdmin("POST", "/api/org/calendars", calendarJson(id), 201);
            return id;
        };
        return fresh ? make.get() : shared("calendar", make);
    }

    static String calendarJson(@Nullable String id) {
        return ("{%s\"name\":\"测试日历\",\"timeZone\":\"Asia/Shanghai\",\"workingDays\":[\"MONDAY\",\"FRIDAY\"],"
                        + "\"workingHours\":[\"08:30-12:00\",\"13:30-17:30\"]}")
                .formatted(id == null ? "" : "\"calendarId\":\"" + id + "\",");
    }

    /** A new account (a street dispatcher of a throwaway street's town, 甘南镇). */
    String user(boolean fresh) {
        Supplier<String> make = () -> {
            var username = unique("st.user.").toLowerCase(Locale.ROOT);
            asAdmin("POST", "/api/org/users", userJson(username), 201);
            return username;
        };
        return fresh ? make.get() : shared("user", make);
    }

    static String userJson(String username) {
        return ("{\"username\":\"%s\",\"password\":\"System-test-password-1\",\"displayName\":\"测试员\","
                        + "\"phone\":\"13800008888\",\"roles\":[\"GRID_WORKER\"],\"scope\":[\"230225100001\"],"
                        + "\"unit\":null,\"posts\":[]}")
                .formatted(username);
    }

    /** A new client-credentials client of 甘南县城管局. */
    String client(boolean fresh) {
        Supplier<String> make = () -> {
            var id = unique("st-client-").toLowerCase(Locale.ROOT);
            asAdmin("POST", "/api/org/clients", clientJson(id), 201);
            return id;
        };
        return fresh ? make.get() : shared("client", make);
    }

    static String clientJson(String clientId) {
        return "{\"clientId\":\"%s\",\"unit\":\"QQ-230225-CGJ\",\"role\":\"DEPARTMENT_OFFICER\",\"scope\":[\"230225\"]}"
                .formatted(clientId);
    }

    /** A new compound in 平阳社区 for party organisations to sit on. */
    String compound() {
        return shared("compound", () -> {
            var code = "230225102001" + (900 + next());
            asAdmin(
                    "POST",
                    "/api/org/nodes",
                    "{\"code\":\"%s\",\"kind\":\"COMPOUND\",\"name\":\"系统测试小区\",\"parentCode\":\"230225102001\",\"validFrom\":\"2024-01-01\"}"
                            .formatted(code),
                    201);
            return code;
        });
    }

    // ---- notifications ----------------------------------------------------------------------------------------

    /** An inactive notification rule. */
    long notificationRule(boolean fresh) {
        Supplier<Long> make = () -> asAdmin("POST", "/api/notifications/rules", notificationRuleJson(), 201)
                .path("id")
                .asLong();
        return fresh ? make.get() : shared("notification-rule", make);
    }

    static String notificationRuleJson() {
        return "{\"eventType\":\"whistle-escalated\",\"qualifier\":\"RED_LIST\",\"selector\":\"REPORTER\","
                + "\"channels\":[\"INBOX\"],\"urgency\":\"URGENT\",\"active\":false,\"description\":\"system test\"}";
    }

    /** Where webhooks of the matrix point: a closed port, so nothing is ever delivered. */
    static String webhookJson(@Nullable String unit) {
        return "{%s\"url\":\"http://127.0.0.1:9/whistle-system-test\",\"eventTypes\":[\"whistle-closed\"]}"
                .formatted(unit == null ? "" : "\"unit\":\"" + unit + "\",");
    }

    /** A webhook subscription of the unit, made by an administrator. */
    String webhook(String unit, boolean fresh) {
        Supplier<String> make = () -> asAdmin("POST", "/api/notifications/webhooks", webhookJson(unit), 201)
                .path("id")
                .asString();
        return fresh ? make.get() : shared("webhook:" + unit, make);
    }

    /** The unit whose webhooks count as the principal's own inside its scope, and another unit's outside it. */
    @Nullable
    String webhookUnit(Principal principal, Scope scope) {
        var own = unitOf(principal);
        if (scope == Scope.IN) {
            return own != null ? own : Place.CROSSING.leadUnit;
        }
        if (principal == Principal.ADMINISTRATOR) {
            return null;
        }
        return Place.YONGQING.leadUnit.equals(own) ? Place.CROSSING.leadUnit : Place.YONGQING.leadUnit;
    }

    /** The principal's own area subscription (its first scope node), made by itself. */
    long areaSubscription(Principal principal, boolean fresh) {
        Supplier<Long> make = () -> gateway.post(
                        "/api/notifications/area-subscriptions",
                        token(principal),
                        "{\"areaId\":\"" + areaOf(principal) + "\"}")
                .expect(201)
                .path("id")
                .asLong();
        return fresh ? make.get() : shared("area-subscription:" + principal, make);
    }

    /**
     * A subscription of a command centre's own (or its client's) that a case may delete: to a node inside its scope
     * other than the one {@link #areaSubscription} watches.
     */
    long ownDeletableSubscription(Principal principal) {
        var area = principal == Principal.SERVICE
                ? "230225"
                : java.util.Objects.requireNonNull(ticketSpot(principal, Scope.IN))
                        .place()
                        .grid;
        return gateway.post("/api/notifications/area-subscriptions", token(principal), "{\"areaId\":\"" + area + "\"}")
                .expect(201)
                .path("id")
                .asLong();
    }

    /** A principal whose inbox the given one does not share: no common user, no common unit. */
    Principal stranger(Principal principal) {
        return principal == Principal.PROPERTY_STAFF ? Principal.DEPARTMENT_OFFICER : Principal.PROPERTY_STAFF;
    }

    /** An area outside the principal's scope: 龙沙区 for 甘南 people, 甘南县 for the others. */
    static String areaOutside(Principal principal) {
        return switch (principal) {
            case RESIDENT, PROPERTY_STAFF, PARTY_MEMBER -> "230225";
            default -> "230202";
        };
    }

    /** Whether the principal is a command centre's account or integration client, which may watch an area. */
    static boolean centre(Principal principal) {
        return switch (principal) {
            case STREET_DISPATCHER, DISTRICT_DISPATCHER, CITY_DISPATCHER, SERVICE -> true;
            default -> false;
        };
    }

    /**
     * An item in the principal's own inbox, from a notice the rules send it anyway. Command centres and their client
     * watch their area (area subscriptions are theirs alone), and whistles are raised at the three test places; every
     * other principal raises a whistle of its own where it works, which its street centre files, and hears of that
     * (受理: the rule whistle-routed FILED tells the reporter as user:{subject}).
     */
    long inboxItem(Principal principal) {
        if (centre(principal)) {
            shared("inbox-whistles", () -> {
                for (var each : Principal.values()) {
                    if (centre(each)) {
                        areaSubscription(each, false);
                    }
                }
                for (var place : List.of(Place.CROSSING, Place.JIANGJUNFU, Place.YONGQING)) {
                    casework.raise(OBSERVER, place, place.category, "APP", "NORMAL", "system test: inbox", null);
                }
                return true;
            });
        } else {
            var place = java.util.Objects.requireNonNull(ticketSpot(principal, Scope.IN))
                    .place();
            shared("inbox-whistle:" + principal, () -> raiseAndBring(principal.account, place, Stage.FILED, false));
        }
        return shared("inbox:" + principal, () -> {
            var item = new long[1];
            await(principal + " hears of a whistle")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        var items = gateway.get("/api/notifications/inbox", token(principal))
                                .expect(200)
                                .path("items");
                        if (items.isEmpty()) {
                            return false;
                        }
                        item[0] = items.path(0).path("id").asLong();
                        return true;
                    });
            return item[0];
        });
    }

    Platform platform() {
        return platform;
    }
}
