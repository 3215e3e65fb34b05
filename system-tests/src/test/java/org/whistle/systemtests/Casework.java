package org.whistle.systemtests;

import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The whistle-and-report loop driven through the gateway by the people and systems who do it: raising whistles,
 * waiting for their tickets, and the command centres' and units' actions, each by an account that may take it. Also
 * brings a ticket to a given stage for tests that need one.
 */
public final class Casework {

    /** The city command centre's integration: a city dispatcher that sees every ticket in the city. */
    public static final String OBSERVER = "qq-zhzx-integration";

    public static final String CITY_DISPATCHER = "qq.city.zhoujian";

    private static final Duration TICKET_TIMEOUT = Duration.ofSeconds(30);

    /** Demo accounts that act for command centres and units; the rest get a client registered at run time. */
    private static final Map<String, String> DEMO_ACTORS = Map.ofEntries(
            Map.entry("QQ-230225100-ZHZX", "gn.street.sunhongwei"),
            Map.entry("QQ-230225-ZHZX", "gn.county.liuyan"),
            Map.entry("QQ-230202-ZHZX", "ls.district.chenlei"),
            Map.entry(Place.CITY_CENTRE, CITY_DISPATCHER),
            Map.entry("QQ-230225-ZJJ-LZG", "gn.lzg.mahaitao"),
            Map.entry("QQ-230225100001-JWH", "gn.community.wangjing"),
            Map.entry("QQ-230202002001003-WY", "ls.yongqing.wy.gaofeng"),
            Map.entry("QQ-230202-CGJ", "ls-cgj-system"),
            Map.entry("QQ-230200-XF", "qq-xf-system"),
            Map.entry("QQ-230203003001003-YWH", "jh.jjf.hanshufen"),
            Map.entry("QQ-230202002-ZHZX", "ls.street.helina"),
            Map.entry("QQ-230203003-ZHZX", "jh.street.songzhigang"),
            Map.entry("QQ-230225-CGJ", "gn.cgj.zhouli"),
            Map.entry("QQ-230202-XF", "ls.xf.wangpeng"),
            Map.entry("QQ-230203003001003-WY", "jh.jjf.wy.lvjianjun"));

    /** How far a ticket has come; each stage is reached through the ones before it. */
    public enum Stage {
        RAISED,
        FILED,
        /** Lead and co-unit summoned, neither reported in. */
        DISPATCHED,
        /** Both units reported in. */
        IN_PROGRESS,
        /** In progress, and the lead asked for more time. */
        EXTENSION_PENDING,
        /** Filed, then suspended. */
        SUSPENDED,
        RESOLVED,
        VERIFIED,
        CLOSED
    }

    public enum Level {
        STREET,
        DISTRICT,
        CITY
    }

    /** A ticket brought to a stage: its whistle, where it is and which units it summoned (lead first). */
    public record Prepared(String whistleId, String ticketId, Place place, Level level, Stage stage) {
        public List<String> units() {
            return stage.compareTo(Stage.DISPATCHED) >= 0 && stage != Stage.SUSPENDED
                    ? List.of(place.leadUnit, place.coUnit)
                    : List.of();
        }

        public String centre() {
            return centreOf(place, level);
        }
    }

    private final Platform platform;
    private final Gateway gateway;
    private final DemoLogin login;
    private final Map<String, String> registeredActors = new ConcurrentHashMap<>();

    public Casework(Platform platform) {
        this.platform = platform;
        this.gateway = platform.gateway();
        this.login = platform.login();
    }

    public String token(String account) {
        return login.token(account);
    }

    // ---- raising ----------------------------------------------------------------------------------------------

    /** Raises a whistle as JSON; {@code account} null raises it anonymously (with the phone, if given). */
    public JsonNode raise(
            @Nullable String account,
            Place place,
            String category,
            String channel,
            String urgency,
            String description,
            @Nullable String phone) {
        var call = gateway.call("POST", "/api/whistles")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .json(whistleJson(place, category, channel, urgency, description, phone));
        if (account != null) {
            call.token(token(account));
        }
        return call.send().expect(201);
    }

    /** Raises a whistle with a photo or video, as the mobile page sends it (multipart). */
    public JsonNode raiseWithEvidence(
            @Nullable String account,
            Place place,
            String category,
            String channel,
            String urgency,
            String description,
            @Nullable String phone,
            String filename,
            String contentType,
            byte[] media) {
        var call = gateway.call("POST", "/api/whistles")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .multipart(new Gateway.Multipart()
                        .part(
                                "whistle",
                                "application/json",
                                whistleJson(place, category, channel, urgency, description, phone))
                        .file("evidence", filename, contentType, media));
        if (account != null) {
            call.token(token(account));
        }
        return call.send().expect(201);
    }

    static String whistleJson(
            Place place, String category, String channel, String urgency, String description, @Nullable String phone) {
        var whistle = Gateway.JSON
                .createObjectNode()
                .put("channel", channel)
                .put("category", category)
                .put("description", description)
                .put("urgency", urgency);
        whistle.putObject("location")
                .put("lat", place.lat)
                .put("lng", place.lng)
                .put("crs", "WGS84");
        if (phone != null) {
            whistle.putObject("reporter").put("phone", phone);
        }
        return whistle.toString();
    }

    /**
     * Uploads a photo of the handling (intake keeps it beside the reporter's) and returns its evidence reference, which
     * the unit then cites when it reports progress or done. Intake lets a unit's staff add one once it has heard that
     * the ticket summons their unit, a moment after dispatch says so.
     */
    public JsonNode uploadEvidence(String account, String whistleId, String note, byte[] jpeg) {
        var kept = new Gateway.Reply[1];
        await(account + " keeps a photo of the handling of " + whistleId)
                .atMost(TICKET_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    kept[0] = gateway.call("POST", "/api/whistles/" + whistleId + "/handling-evidence")
                            .token(token(account))
                            .multipart(new Gateway.Multipart().file("evidence", "result.jpg", "image/jpeg", jpeg))
                            .send();
                    return kept[0].status() != 404;
                });
        return kept[0].expect(201).path("evidence").path(0);
    }

    // ---- tickets ----------------------------------------------------------------------------------------------

    /** The whistle's ticket, once dispatch has made it, as the city sees it. */
    public JsonNode awaitTicket(String whistleId) {
        var observer = token(OBSERVER);
        var found = new JsonNode[1];
        await("the ticket of whistle " + whistleId)
                .atMost(TICKET_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    var reply = gateway.get("/api/tickets/by-whistle/" + whistleId, observer);
                    if (reply.status() == 200) {
                        found[0] = reply.json();
                        return true;
                    }
                    return false;
                });
        return found[0];
    }

    public JsonNode ticket(String ticketId) {
        return gateway.get("/api/tickets/" + ticketId, token(OBSERVER)).expect(200);
    }

    /** A command centre's action ({@code file}, {@code summon} …) by the account, which must succeed. */
    public JsonNode centre(String account, String ticketId, String action, String json) {
        return gateway.post("/api/tickets/" + ticketId + "/" + action, token(account), json)
                .expect(200);
    }

    /** A unit's action on its own task ({@code report-in}, {@code done} …), which must succeed. */
    public JsonNode unit(String account, String ticketId, String unit, String action, String json) {
        return gateway.post("/api/tickets/" + ticketId + "/tasks/" + unit + "/" + action, token(account), json)
                .expect(200);
    }

    public static String centreOf(Place place, Level level) {
        return switch (level) {
            case STREET -> place.streetCentre;
            case DISTRICT -> place.districtCentre;
            case CITY -> Place.CITY_CENTRE;
        };
    }

    /** Who acts for a command centre or unit: its demo account, or a client registered for it on first use. */
    public String actor(String unitCode) {
        var demo = DEMO_ACTORS.get(unitCode);
        if (demo != null) {
            return demo;
        }
        return registeredActors.computeIfAbsent(unitCode, this::registerActor);
    }

    public String centreActor(Place place, Level level) {
        return actor(centreOf(place, level));
    }

    private String registerActor(String unitCode) {
        var unit = gateway.get("/api/org/units/" + unitCode, token("admin")).expect(200);
        var role = switch (unit.path("kind").asString()) {
            case "COMMAND_CENTRE" ->
                switch (unit.path("level").asString()) {
                    case "STREET" -> "STREET_DISPATCHER";
                    case "DISTRICT" -> "DISTRICT_DISPATCHER";
                    default -> "CITY_DISPATCHER";
                };
            case "PROPERTY_COMPANY", "OWNERS_COMMITTEE" -> "PROPERTY_STAFF";
            case "COMMUNITY_COMMITTEE" -> "COMMUNITY_STAFF";
            default -> "DEPARTMENT_OFFICER";
        };
        var clientId = "system-test-" + unitCode.toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID();
        var request = Gateway.JSON
                .createObjectNode()
                .put("clientId", clientId)
                .put("unit", unitCode)
                .put("role", role);
        request.putArray("scope").add(unit.path("areaCode").asString());
        var issued = gateway.post("/api/org/clients", token("admin"), request.toString())
                .expect(201);
        login.registered(clientId, issued.path("secret").asString());
        return clientId;
    }

    /** Raises a whistle at the place and brings its ticket to the level and stage, every step through the API. */
    public Prepared prepare(Place place, Level level, Stage stage) {
        var whistle = raise(
                OBSERVER,
                place,
                place.category,
                "APP",
                "NORMAL",
                // what a resident would write: the walk test reads it on every page as people would
                "系统测试：路面积水，请派人查看处理。",
                null);
        var whistleId = whistle.path("id").asString();
        var ticketId = awaitTicket(whistleId).path("id").asString();
        bring(ticketId, place, level, stage);
        return new Prepared(whistleId, ticketId, place, level, stage);
    }

    /**
     * Brings a just-raised ticket at the place's street centre to the level (transferred there by the street) and
     * the stage, by the centre owning it then and the place's lead and co-unit.
     */
    public void bring(String ticketId, Place place, Level level, Stage stage) {
        if (level != Level.STREET) {
            var transfer = Gateway.JSON
                    .createObjectNode()
                    .put("centre", centreOf(place, level))
                    .put("level", level.name())
                    .put("reason", "系统测试：本级处置");
            centre(centreActor(place, Level.STREET), ticketId, "transfer", transfer.toString());
        }
        var centre = centreActor(place, level);
        if (stage == Stage.RAISED) {
            return;
        }
        centre(centre, ticketId, "file", "{}");
        if (stage == Stage.SUSPENDED) {
            centre(centre, ticketId, "suspend", "{\"reason\":\"系统测试：等待天气好转\"}");
            return;
        }
        if (stage == Stage.FILED) {
            return;
        }
        var summon = Gateway.JSON.createObjectNode().put("lead", place.leadUnit);
        summon.putArray("coUnits").add(place.coUnit);
        centre(centre, ticketId, "summon", summon.toString());
        if (stage == Stage.DISPATCHED) {
            return;
        }
        unit(actor(place.leadUnit), ticketId, place.leadUnit, "report-in", "{}");
        unit(actor(place.coUnit), ticketId, place.coUnit, "report-in", "{}");
        if (stage == Stage.EXTENSION_PENDING) {
            unit(
                    actor(place.leadUnit),
                    ticketId,
                    place.leadUnit,
                    "extension-requests",
                    "{\"clock\":\"RESOLVE\",\"extraTime\":\"PT24H\",\"reason\":\"系统测试：材料在途\"}");
        }
        if (stage.compareTo(Stage.RESOLVED) >= 0 && stage != Stage.SUSPENDED) {
            unit(actor(place.leadUnit), ticketId, place.leadUnit, "done", doneWithEvidence("系统测试：已处理完毕"));
        }
        if (stage == Stage.VERIFIED || stage == Stage.CLOSED) {
            centre(centre, ticketId, "verify", "{\"pass\":true,\"note\":\"系统测试：现场核实\"}");
        }
        if (stage == Stage.CLOSED) {
            centre(centre, ticketId, "close", "{\"outcome\":\"RESOLVED\"}");
        }
    }

    /**
     * A done report citing a photo by reference only: stages are reached for the tests that need them, which do not
     * look at the photo. The stories upload real ones.
     */
    public static String doneWithEvidence(String note) {
        var body = Gateway.JSON.createObjectNode().put("note", note);
        body.putArray("evidence")
                .addObject()
                .put("mediaId", UUID.randomUUID().toString())
                .put("contentType", "image/jpeg")
                .put("sha256", "0".repeat(64));
        return body.toString();
    }

    /** A small JPEG, as a phone would send it. */
    public static byte[] photo() {
        var image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(java.awt.Color.DARK_GRAY);
        graphics.fillRect(8, 8, 40, 24);
        graphics.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Where a phone video taken at the crossing says it was taken: the location intake must strip. */
    public static final String VIDEO_LOCATION = "+47.9218+123.5046/";

    /**
     * A short phone video (MP4) whose movie header carries where it was taken ({@code ©xyz}), as phones record it;
     * intake keeps the video and strips the location.
     */
    public static byte[] video() {
        var location =
                box("udta", box("\u00A9xyz", concat(new byte[] {0, 18, 0x15, (byte) 0xC7}, ascii(VIDEO_LOCATION))));
        var handler = concat(new byte[8], ascii("vide"), new byte[12], ascii("VideoHandler\0"));
        var track = box("trak", concat(box("tkhd", new byte[84]), box("mdia", box("hdlr", handler)), location));
        var moov = box("moov", concat(box("mvhd", new byte[100]), track, location));
        var frames = new byte[4096];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = (byte) (i * 31);
        }
        var brands = concat(ascii("isom"), new byte[4], ascii("isom"), ascii("mp41"));
        return concat(box("ftyp", brands), box("mdat", frames), moov);
    }

    private static byte[] box(String type, byte[] payload) {
        return concat(
                java.nio.ByteBuffer.allocate(8)
                        .putInt(8 + payload.length)
                        .put(ascii(type))
                        .array(),
                payload);
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (var part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    Platform platform() {
        return platform;
    }
}
