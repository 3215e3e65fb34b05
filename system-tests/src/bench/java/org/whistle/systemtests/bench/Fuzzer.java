package org.whistle.systemtests.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.whistle.systemtests.access.MatrixEndpoints;

/**
 * Malformed requests for every public endpoint behind the gateway, each built so that it is invalid for certain —
 * a path id that names nothing or is no id at all, a body that is not JSON, a value outside its range — so that no
 * answer may change state. Seeded, so a run can be repeated request for request.
 */
final class Fuzzer {

    /** What a request carries in its body. */
    enum Body {
        /** No body (GET, DELETE, actions without one). */
        NONE,
        /** A JSON object. */
        JSON,
        /** The whistle JSON of {@code POST /api/whistles}, whose validation is known field by field. */
        WHISTLE,
        /** A multipart whistle with evidence. */
        WHISTLE_MULTIPART,
        /** A multipart supporting report with evidence. */
        SUPPORT_MULTIPART,
        /** A CSV import. */
        CSV,
        /** Open311's form-encoded parameters. */
        FORM,
        /** A webhook subscription whose URL names an address no webhook may reach. */
        WEBHOOK
    }

    /**
     * One public operation: method and path template ({@code {name}} for a path parameter), its body, and the query
     * parameters it reads (each filled with nonsense).
     */
    record Operation(String method, String path, Body body, List<String> query) {

        Operation(String method, String path, Body body) {
            this(method, path, body, List.of());
        }

        String group() {
            var parts = path.split("/");
            return parts.length > 2 ? "/" + parts[1] + "/" + parts[2] : path;
        }

        boolean hasPathParameters() {
            return path.contains("{");
        }
    }

    /** A request to send and what it is meant to probe. */
    record Probe(Operation operation, String kind, HttpRequest request) {}

    /**
     * The operations whose malformed requests are made by hand here: specific bodies (whistles, evidence, forms,
     * webhooks) and the query parameters each reads.
     */
    private static final List<Operation> CHOSEN = List.of(
            // intake
            new Operation("POST", "/api/whistles", Body.WHISTLE),
            new Operation("POST", "/api/whistles", Body.WHISTLE_MULTIPART),
            new Operation("GET", "/api/whistles/nearby", Body.NONE, List.of("lat", "lng", "crs", "category", "radius")),
            new Operation("POST", "/api/whistles/{whistle}/supports", Body.JSON),
            new Operation("POST", "/api/whistles/{whistle}/supports", Body.SUPPORT_MULTIPART),
            new Operation("GET", "/api/whistles/{whistle}", Body.NONE),
            new Operation("GET", "/api/whistles/track", Body.NONE, List.of("code", "phone")),
            new Operation("POST", "/api/whistles/{whistle}/feedback", Body.JSON),
            new Operation("GET", "/api/whistles/{whistle}/evidence/{media}", Body.NONE),
            // issue 18: grids proposed for a hotline caller's address (dispatchers only)
            new Operation("GET", "/api/whistles/places", Body.NONE, List.of("address", "limit")),
            new Operation("GET", "/open311/v2/discovery.{format}", Body.NONE),
            new Operation("GET", "/open311/v2/services.{format}", Body.NONE, List.of("jurisdiction_id")),
            new Operation("GET", "/open311/v2/services/{code}.{format}", Body.NONE, List.of("jurisdiction_id")),
            new Operation("POST", "/open311/v2/requests.{format}", Body.FORM),
            new Operation(
                    "GET",
                    "/open311/v2/requests.{format}",
                    Body.NONE,
                    List.of("service_request_id", "service_code", "start_date", "end_date", "status")),
            new Operation("GET", "/open311/v2/requests/{whistle}.{format}", Body.NONE),
            new Operation("GET", "/open311/v2/tokens/{token}.{format}", Body.NONE),
            new Operation("GET", "/open311/v2/servicerequestupdates.{format}", Body.NONE, List.of("start_date")),
            new Operation("POST", "/open311/v2/servicerequestupdates.{format}", Body.FORM),
            // dispatch
            new Operation("GET", "/api/tickets/{ticket}", Body.NONE),
            new Operation("GET", "/api/tickets/by-whistle/{whistle}", Body.NONE),
            new Operation("GET", "/api/tickets/overview", Body.NONE, List.of("area")),
            new Operation("GET", "/api/tickets/{ticket}/proposal", Body.NONE),
            new Operation("GET", "/api/tickets/{ticket}/anchors", Body.NONE),
            new Operation("GET", "/api/tickets/anchor-key", Body.NONE),
            new Operation("POST", "/api/tickets/{ticket}/file", Body.NONE),
            new Operation("POST", "/api/tickets/{ticket}/reject", Body.JSON),
            new Operation("POST", "/api/tickets/{ticket}/merge", Body.JSON),
            new Operation("POST", "/api/tickets/{ticket}/priority", Body.JSON),
            new Operation("POST", "/api/tickets/{ticket}/category", Body.JSON),
            new Operation("POST", "/api/tickets/{ticket}/summon", Body.JSON),
            new Operation("POST", "/api/tickets/{ticket}/transfer", Body.JSON),
            new Operation("POST", "/api/tickets/{ticket}/extensions/{code}/approve", Body.NONE),
            new Operation("POST", "/api/tickets/{ticket}/extensions/{code}/refuse", Body.JSON),
            new Operation("POST", "/api/tickets/{ticket}/suspend", Body.JSON),
            new Operation("POST", "/api/tickets/{ticket}/resume", Body.NONE),
            new Operation("POST", "/api/tickets/{ticket}/verify", Body.JSON),
            new Operation("POST", "/api/tickets/{ticket}/close", Body.JSON),
            new Operation("POST", "/api/tickets/{ticket}/reopen", Body.JSON),
            new Operation("POST", "/api/tickets/{ticket}/tasks/{unit}/report-in", Body.NONE),
            new Operation("POST", "/api/tickets/{ticket}/tasks/{unit}/on-site", Body.NONE),
            new Operation("POST", "/api/tickets/{ticket}/tasks/{unit}/progress", Body.JSON),
            new Operation("POST", "/api/tickets/{ticket}/tasks/{unit}/contacted-reporter", Body.JSON),
            new Operation("POST", "/api/tickets/{ticket}/tasks/{unit}/done", Body.JSON),
            new Operation("POST", "/api/tickets/{ticket}/tasks/{unit}/decline", Body.JSON),
            new Operation("POST", "/api/tickets/{ticket}/tasks/{unit}/extension-requests", Body.JSON),
            // dispatch: command actions (督办/催办, 提级/下派, summons changes)
            new Operation("POST", "/api/tickets/{ticket}/supervise", Body.JSON),
            new Operation("POST", "/api/tickets/{ticket}/remind", Body.JSON),
            new Operation("POST", "/api/tickets/{ticket}/pull-up", Body.JSON),
            new Operation("POST", "/api/tickets/{ticket}/hand-down", Body.JSON),
            new Operation("POST", "/api/tickets/{ticket}/tasks/{unit}/withdraw", Body.JSON),
            new Operation("POST", "/api/tickets/{ticket}/lead", Body.JSON),
            new Operation("GET", "/api/queues/units/{unit}", Body.NONE),
            new Operation(
                    "GET",
                    "/api/queues/centres/{unit}",
                    Body.NONE,
                    List.of("state", "level", "category", "page", "size", "sort", "text")),
            new Operation(
                    "GET",
                    "/api/tickets/points",
                    Body.NONE,
                    List.of("area", "south", "west", "north", "east", "limit")),
            // sla
            new Operation("GET", "/api/sla/tickets/{ticket}", Body.NONE),
            new Operation("GET", "/api/sla/summary", Body.NONE, List.of("area", "level")),
            // notification
            new Operation("GET", "/api/notifications/inbox", Body.NONE, List.of("unread")),
            new Operation("POST", "/api/notifications/inbox/{number}/read", Body.NONE),
            new Operation("GET", "/api/notifications/stream/centres/{code}", Body.NONE),
            new Operation("GET", "/api/notifications/stream/whistles/{uuid}", Body.NONE),
            new Operation("GET", "/api/notifications/deliveries", Body.NONE, List.of("whistleId")),
            new Operation("GET", "/api/notifications/webhooks", Body.NONE),
            new Operation("POST", "/api/notifications/webhooks", Body.JSON),
            new Operation("POST", "/api/notifications/webhooks", Body.WEBHOOK),
            new Operation("POST", "/api/notifications/webhooks/{uuid}/enable", Body.NONE),
            new Operation("POST", "/api/notifications/webhooks/{uuid}/secret", Body.NONE),
            new Operation("DELETE", "/api/notifications/webhooks/{uuid}", Body.NONE),
            new Operation("GET", "/api/notifications/webhooks/{uuid}/deliveries", Body.NONE),
            new Operation("GET", "/api/notifications/area-subscriptions", Body.NONE),
            new Operation("POST", "/api/notifications/area-subscriptions", Body.JSON),
            new Operation("DELETE", "/api/notifications/area-subscriptions/{number}", Body.NONE),
            new Operation("GET", "/api/notifications/rules", Body.NONE),
            new Operation("POST", "/api/notifications/rules", Body.JSON),
            new Operation("PUT", "/api/notifications/rules/{number}", Body.JSON),
            new Operation("DELETE", "/api/notifications/rules/{number}", Body.NONE),
            new Operation("GET", "/api/notifications/dev-outbox", Body.NONE),
            // org-registry
            new Operation("GET", "/api/org/nodes/{code}", Body.NONE),
            new Operation("GET", "/api/org/nodes/{code}/children", Body.NONE),
            new Operation("GET", "/api/org/nodes/{code}/ancestry", Body.NONE),
            new Operation("GET", "/api/org/nodes/{code}/subtree", Body.NONE, List.of("levels")),
            new Operation("GET", "/api/org/nodes/{code}/units", Body.NONE),
            new Operation("GET", "/api/org/nodes/{code}/party-orgs", Body.NONE),
            new Operation("POST", "/api/org/nodes", Body.JSON),
            new Operation("PUT", "/api/org/nodes/{code}", Body.JSON),
            new Operation("DELETE", "/api/org/nodes/{code}", Body.NONE),
            new Operation("POST", "/api/org/party-orgs", Body.JSON),
            new Operation("GET", "/api/org/resolve", Body.NONE, List.of("lat", "lng", "crs")),
            new Operation("GET", "/api/org/units", Body.NONE, List.of("kind", "node")),
            new Operation("GET", "/api/org/units/{code}", Body.NONE),
            new Operation("POST", "/api/org/units", Body.JSON),
            new Operation("PUT", "/api/org/units/{code}", Body.JSON),
            new Operation("DELETE", "/api/org/units/{code}", Body.NONE),
            new Operation("GET", "/api/org/categories", Body.NONE),
            new Operation("GET", "/api/org/categories/{code}", Body.NONE),
            new Operation("POST", "/api/org/categories", Body.JSON),
            new Operation("PUT", "/api/org/categories/{code}", Body.JSON),
            new Operation("DELETE", "/api/org/categories/{code}", Body.NONE),
            new Operation("GET", "/api/org/routing-rules", Body.NONE),
            new Operation("GET", "/api/org/routing-rules/{uuid}", Body.NONE),
            new Operation("POST", "/api/org/routing-rules", Body.JSON),
            new Operation("PUT", "/api/org/routing-rules/{uuid}", Body.JSON),
            new Operation("DELETE", "/api/org/routing-rules/{uuid}", Body.NONE),
            new Operation("GET", "/api/org/routing/proposal", Body.NONE, List.of("category", "node", "level")),
            new Operation("GET", "/api/org/deadline-policies", Body.NONE),
            new Operation("GET", "/api/org/deadline-policies/{uuid}", Body.NONE),
            new Operation(
                    "GET", "/api/org/deadline-policies/lookup", Body.NONE, List.of("category", "urgency", "level")),
            new Operation("POST", "/api/org/deadline-policies", Body.JSON),
            new Operation("PUT", "/api/org/deadline-policies/{uuid}", Body.JSON),
            new Operation("DELETE", "/api/org/deadline-policies/{uuid}", Body.NONE),
            new Operation("GET", "/api/org/users", Body.NONE),
            new Operation("GET", "/api/org/users/me", Body.NONE),
            new Operation("GET", "/api/org/users/{code}", Body.NONE),
            new Operation("POST", "/api/org/users", Body.JSON),
            new Operation("PUT", "/api/org/users/{code}", Body.JSON),
            new Operation("POST", "/api/org/users/{code}/password", Body.JSON),
            new Operation("POST", "/api/org/users/{code}/lock", Body.NONE),
            new Operation("POST", "/api/org/users/{code}/unlock", Body.NONE),
            new Operation("POST", "/api/org/users/{code}/disable", Body.NONE),
            new Operation("POST", "/api/org/users/{code}/enable", Body.NONE),
            new Operation("GET", "/api/org/clients", Body.NONE),
            new Operation("POST", "/api/org/clients", Body.JSON),
            new Operation("POST", "/api/org/clients/{code}/disable", Body.NONE),
            new Operation("POST", "/api/org/imports/nodes", Body.CSV),
            new Operation("POST", "/api/org/imports/units", Body.CSV),
            new Operation("POST", "/api/org/imports/party-orgs", Body.CSV),
            new Operation("POST", "/api/org/imports/categories", Body.CSV),
            new Operation("POST", "/api/org/imports/routing-rules", Body.CSV),
            new Operation("POST", "/api/org/imports/deadline-policies", Body.CSV),
            new Operation("POST", "/api/org/imports/users", Body.CSV),
            new Operation("POST", "/api/org/imports/accounts", Body.CSV),
            // every service's parked outbox events, for administrators
            new Operation("GET", "/api/admin/outbox/{service}/parked/{number}", Body.NONE),
            new Operation("POST", "/api/admin/outbox/{service}/parked/{number}/redrive", Body.NONE),
            new Operation("POST", "/api/admin/outbox/{service}/parked/{number}/discard", Body.JSON),
            // the gateway's own
            new Operation("GET", "/bff/me", Body.NONE),
            new Operation("GET", "/bff/config", Body.NONE));

    /** Where people sign in: OAuth2 and OpenID Connect fix the error format there, so they are left out. */
    private static final List<String> SIGN_IN = List.of("/login", "/bff/login", "/oauth2/", "/logout");

    /**
     * Every public operation through the gateway (sign-in endpoints excepted): the chosen ones, then every other
     * endpoint of the access matrix — which its test keeps equal to what the services map — with the body its method
     * and media type call for, so that no endpoint a service adds is left out of the fuzzing.
     */
    static final List<Operation> OPERATIONS = operations();

    private static List<Operation> operations() {
        var all = new ArrayList<>(CHOSEN);
        var covered = new HashSet<String>();
        CHOSEN.forEach(operation -> covered.add(shape(operation.method(), operation.path())));
        for (var endpoint : MatrixEndpoints.all()) {
            if (SIGN_IN.stream().anyMatch(endpoint.path()::startsWith)
                    || !covered.add(shape(endpoint.method(), endpoint.path()))) {
                continue;
            }
            all.add(new Operation(endpoint.method(), endpoint.path(), bodyOf(endpoint)));
        }
        return List.copyOf(all);
    }

    private static String shape(String method, String path) {
        return method + " " + path.replaceAll("\\{[^}]*}", "{}");
    }

    private static Body bodyOf(MatrixEndpoints.Endpoint endpoint) {
        if (endpoint.method().equals("GET") || endpoint.method().equals("DELETE")) {
            return Body.NONE;
        }
        if (endpoint.consumes().contains("multipart/form-data")) {
            return Body.SUPPORT_MULTIPART;
        }
        return endpoint.consumes().contains("text/csv") ? Body.CSV : Body.JSON;
    }

    /** Path values that name nothing or are no id at all. */
    private static final List<String> BAD_SEGMENTS = List.of(
            "not-an-id",
            "0",
            "-1",
            "00000000-0000-0000-0000-00000000000g",
            "%E2%80%AE%E6%B6%88%E9%98%B2",
            "%F0%9F%98%80%F0%9F%98%80",
            "%00",
            "%C0%AF",
            "..%2F..%2Fetc%2Fpasswd",
            "%27%3B%20DROP%20TABLE%20ticket%3B--",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "null",
            "undefined",
            "1e309",
            "%20",
            "%E2%80%8B");

    /** Bodies that are not a JSON object at all. */
    private static final List<String> BROKEN_JSON = List.of(
            "{",
            "{\"",
            "{\"lead\":",
            "{\"pass\":tru}",
            "{'lead':'x'}",
            "{\"a\":1,}",
            "[",
            "[]",
            "[{}]",
            "{\"a\":\"\\ud800\"",
            "\u0000\u0001\u0002",
            "{\"a\":1}{\"b\":2}}",
            "<xml/>",
            "nul",
            "{\"a\":" + "[".repeat(5000) + "}",
            "\uFEFF{");

    /** Strings no field of the platform accepts as a code. */
    private static final List<String> ODD_TEXT = List.of(
            "",
            " ",
            "\u202E\u6D88\u9632",
            "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00",
            "e\u0301\u0301\u0301\u0301",
            "\u200B\u200B",
            "'; DROP TABLE ticket; --",
            "<script>alert(1)</script>",
            "${jndi:ldap://x/a}",
            "\\u0000",
            "ＱＱ－２３０２２５",
            "𠜎𠜱𠝹𠱓");

    /**
     * The free-text fields the platform's JSON bodies carry. An over-long body sets every one of them past every bound
     * the platform documents (2,000 characters is the largest), so whichever an endpoint reads, it must refuse it.
     */
    private static final List<String> TEXT_FIELDS = List.of(
            "note",
            "reason",
            "comment",
            "description",
            "name",
            "title",
            "address",
            "addressText",
            "contact",
            "label",
            "text",
            "body",
            "template",
            "summary",
            "caption",
            "value",
            "url",
            "secret");

    /**
     * Webhook targets that resolve to an address a webhook must never reach: loopback, private, link-local, metadata,
     * unspecified, multicast, and their numeric spellings.
     */
    private static final List<String> FORBIDDEN_URLS = List.of(
            "http://127.0.0.1:8080/api",
            "https://127.0.0.1/",
            "https://2130706433/",
            "https://0x7f.1/",
            "https://0x7f000001/",
            "https://017700000001/",
            "https://127.1/",
            "https://[::1]/",
            "https://[::ffff:127.0.0.1]/",
            "https://[::ffff:7f00:1]/",
            "https://10.0.0.1/",
            "https://172.16.0.1/",
            "https://192.168.1.1/",
            "https://169.254.169.254/latest/meta-data/",
            "https://[fd00:ec2::254]/",
            "https://[fe80::1]/",
            "https://0.0.0.0/",
            "https://224.0.0.1/",
            "https://100.64.0.1/",
            "https://localhost/",
            "file:///etc/passwd",
            "gopher://127.0.0.1:6379/_INFO",
            "https://user:pass@127.0.0.1/");

    /** File names a stored file must never carry: control characters, bidirectional overrides, paths, length. */
    private static final List<String> ODD_FILE_NAMES = List.of(
            "a\u0000.jpg",
            "a\r\nX-Injected: 1.jpg",
            "\u202Egpj.exe",
            "photo\u2066.jpg",
            "../../../../etc/passwd.jpg",
            "C:\\\\Windows\\\\photo.jpg",
            "x".repeat(600) + ".jpg",
            "\u0007bell.jpg");

    private final Random random;
    private final URI gateway;
    private final List<String> tokens;
    private final List<String> fixtureWhistles;
    private final List<String> fixtureTickets;

    /**
     * @param tokens bearer tokens to send with a share of the requests (a dispatcher, a unit system, the
     *     administrator), so validation behind authentication is reached too
     * @param fixtureWhistles whistles whose tickets are closed: bodies aimed at them are unreadable, never valid
     */
    Fuzzer(long seed, URI gateway, List<String> tokens, List<String> fixtureWhistles, List<String> fixtureTickets) {
        this.random = new Random(seed);
        this.gateway = gateway;
        this.tokens = tokens;
        this.fixtureWhistles = fixtureWhistles;
        this.fixtureTickets = fixtureTickets;
    }

    /** The next malformed request, for the operations in turn. */
    Probe next(int n) {
        var operation = OPERATIONS.get(n % OPERATIONS.size());
        var kinds = new ArrayList<String>();
        // Which invalid element this request carries for certain; others may be added as noise.
        boolean badPath = operation.hasPathParameters() && (operation.body() == Body.NONE || random.nextInt(3) > 0);
        var path = path(operation, badPath, kinds);
        var query = operation.query().isEmpty() ? "" : query(operation, kinds);
        var builder = HttpRequest.newBuilder(URI.create(gateway + path + query)).timeout(Duration.ofSeconds(20));
        var token = random.nextInt(4) == 0 ? null : tokens.get(random.nextInt(tokens.size()));
        if (random.nextInt(20) == 0) {
            token = pick(List.of("garbage", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.", "Bearer", "\u00e9\u00e9"));
            kinds.add("forged token");
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (random.nextInt(10) == 0) {
            kinds.add("odd device id");
            builder.header("X-Device-Id", random.nextBoolean() ? "x".repeat(4000) : "device-" + random.nextInt());
        }
        body(operation, builder, kinds);
        return new Probe(operation, String.join(", ", kinds), builder.build());
    }

    private String path(Operation operation, boolean badPath, List<String> kinds) {
        var path = operation.path();
        var result = new StringBuilder();
        int i = 0;
        while (i < path.length()) {
            int open = path.indexOf('{', i);
            if (open < 0) {
                result.append(path, i, path.length());
                break;
            }
            int close = path.indexOf('}', open);
            result.append(path, i, open);
            result.append(segment(path.substring(open + 1, close), badPath, kinds));
            i = close + 1;
        }
        return result.toString();
    }

    private String segment(String name, boolean badPath, List<String> kinds) {
        if (name.equals("format")) {
            if (random.nextInt(3) == 0) {
                kinds.add("odd format");
                return pick(List.of("html", "JSON%20", "xml%00", "yaml", "", "json.json"));
            }
            return pick(List.of("json", "xml"));
        }
        if (!badPath) {
            return switch (name) {
                case "whistle" -> pick(fixtureWhistles);
                case "ticket" -> pick(fixtureTickets);
                case "unit" -> WhistleTarget.LEAD;
                case "service" -> pick(List.of("org-registry", "intake", "dispatch", "notification"));
                default -> UUID.randomUUID().toString();
            };
        }
        if (random.nextBoolean()) {
            kinds.add("unknown id");
            return switch (name) {
                case "number" -> Integer.toString(900_000_000 + random.nextInt(1_000_000));
                case "code", "unit", "token", "media" -> "FZ-" + Integer.toHexString(random.nextInt());
                default -> UUID.randomUUID().toString();
            };
        }
        kinds.add("malformed id");
        var bad = pick(BAD_SEGMENTS);
        return random.nextInt(8) == 0 ? bad + "x".repeat(2000 + random.nextInt(3000)) : bad;
    }

    private String query(Operation operation, List<String> kinds) {
        var parts = new ArrayList<String>();
        for (var name : operation.query()) {
            if (random.nextInt(4) == 0) {
                continue;
            }
            String value = switch (name) {
                case "lat" -> pick(List.of("91", "-90.0001", "abc", "NaN", "Infinity", "1e309", "47,92", "", "0x2F"));
                case "lng", "long" -> pick(List.of("181", "-180.5", "east", "NaN", "-Infinity", "", "1e-400"));
                case "radius", "page", "size", "levels" ->
                    pick(List.of("-1", "0", "99999999999", "1.5", "ten", "", "2147483648"));
                case "crs" -> pick(List.of("EPSG:4326", "XYZ", "", "wgs-84 ", "%00"));
                case "level" -> pick(List.of("GALAXY", "street ", "", "0"));
                case "urgency" -> pick(List.of("CRITICAL", "", "1"));
                case "sort" ->
                    pick(List.of("raisedAt,sideways", "password", "number;DROP", ",", "raisedAt,desc,extra"));
                case "start_date", "end_date" -> pick(List.of("yesterday", "2026-13-45", "0000-00-00T25:61:00Z", ""));
                case "unread" -> pick(List.of("maybe", "2", ""));
                case "whistleId", "service_request_id" -> pick(List.of("not-a-uuid", "", "%F0%9F%98%80"));
                default -> pick(ODD_TEXT);
            };
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        if (!parts.isEmpty()) {
            kinds.add("bad query");
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    /**
     * The body. Where the target exists (a fixture, or a create without path), the body is what makes the request
     * invalid: never a well-formed object whose values might pass.
     */
    private void body(Operation operation, HttpRequest.Builder builder, List<String> kinds) {
        var method = operation.method();
        switch (operation.body()) {
            case NONE -> builder.method(method, HttpRequest.BodyPublishers.noBody());
            case JSON -> {
                if (random.nextInt(12) == 0) {
                    kinds.add("wrong content type");
                    builder.header("Content-Type", pick(List.of("text/plain", "application/xml", "image/jpeg")));
                    builder.method(method, HttpRequest.BodyPublishers.ofString("{\"reason\":\"x\"}"));
                } else if (random.nextInt(4) == 0) {
                    builder.header("Content-Type", "application/json");
                    builder.method(method, HttpRequest.BodyPublishers.ofString(overLongFields(kinds)));
                } else if (random.nextInt(15) == 0) {
                    kinds.add("huge body");
                    builder.header("Content-Type", "application/json");
                    builder.method(
                            method,
                            HttpRequest.BodyPublishers.ofString(
                                    "{\"note\":\"" + "长".repeat(1_200_000 / 3 + random.nextInt(1000)) + "\"}"));
                } else {
                    kinds.add("broken JSON");
                    builder.header("Content-Type", "application/json");
                    builder.method(method, HttpRequest.BodyPublishers.ofString(pick(BROKEN_JSON)));
                }
            }
            case WHISTLE -> {
                builder.header("Content-Type", "application/json");
                builder.header(
                        "Idempotency-Key",
                        random.nextInt(5) == 0
                                ? headerValue(pick(ODD_TEXT) + "k")
                                : UUID.randomUUID().toString());
                builder.method(method, HttpRequest.BodyPublishers.ofString(invalidWhistle(kinds)));
            }
            case WHISTLE_MULTIPART -> multipart(builder, method, true, kinds);
            case SUPPORT_MULTIPART -> multipart(builder, method, false, kinds);
            case CSV -> {
                kinds.add("garbage CSV");
                builder.header("Content-Type", pick(List.of("text/csv", "text/csv; charset=GBK", "application/json")));
                builder.method(
                        method,
                        HttpRequest.BodyPublishers.ofString(pick(List.of(
                                "",
                                "\u0000\u0001\u0002",
                                "a,b,c\n\"unterminated",
                                "{\"not\":\"csv\"}",
                                "code\n" + "𠜎".repeat(50),
                                "\uFEFF;;;;\n;;;;"))));
            }
            case FORM -> {
                builder.header("Content-Type", "application/x-www-form-urlencoded");
                builder.method(method, HttpRequest.BodyPublishers.ofString(invalidOpen311Form(kinds)));
            }
            case WEBHOOK -> {
                var url = pick(FORBIDDEN_URLS);
                kinds.add("forbidden webhook address " + url);
                builder.header("Content-Type", "application/json");
                builder.method(
                        method,
                        HttpRequest.BodyPublishers.ofString(
                                "{\"url\":\"%s\",\"eventTypes\":[\"whistle-raised\"]}".formatted(escape(url))));
            }
        }
    }

    /**
     * A well-formed object whose every free-text field is past its bound — longer than 2,000 characters, or carrying
     * a bidirectional override in a name — so it is refused whatever the endpoint reads (and the missing ids and codes
     * make it incomplete besides).
     */
    private String overLongFields(List<String> kinds) {
        boolean bidi = random.nextInt(4) == 0;
        int length = 2_001 + random.nextInt(random.nextBoolean() ? 3_000 : 60_000);
        kinds.add(bidi ? "bidirectional override in every text field" : "every text field " + length + " characters");
        var text = bidi ? "\u202E\u6D88\u9632" + "长".repeat(2_001) : "长".repeat(length);
        return TEXT_FIELDS.stream()
                .map(field -> "\"%s\":\"%s\"".formatted(field, escape(text)))
                .collect(Collectors.joining(",", "{", "}"));
    }

    /**
     * A whistle with at least one value intake must refuse (location out of range or outside the city, unknown
     * category or channel, text too long, a channel that needs a token), and odd Unicode as noise.
     */
    private String invalidWhistle(List<String> kinds) {
        var lat = "47.9218";
        var lng = "123.5046";
        var category = "\"" + WhistleTarget.CATEGORY + "\"";
        var channel = "\"WECHAT\"";
        var description = "\"" + escape(pick(ODD_TEXT)) + " 路面破损\"";
        var crs = "\"WGS84\"";
        var urgency = "\"NORMAL\"";
        var phone = "\"13900000123\"";
        int invalid = 1 + random.nextInt(2);
        for (int i = 0; i < invalid; i++) {
            switch (random.nextInt(11)) {
                case 0 -> {
                    lat = pick(List.of("91", "-91", "1e308", "\"north\"", "null", "[]"));
                    kinds.add("latitude out of range");
                }
                case 1 -> {
                    lng = pick(List.of("181", "-180.01", "\"east\"", "{}"));
                    kinds.add("longitude out of range");
                }
                case 2 -> {
                    lat = "39.9042";
                    lng = "116.4074";
                    kinds.add("outside the city");
                }
                case 3 -> {
                    category = "\"" + escape(pick(ODD_TEXT)) + "FZ\"";
                    kinds.add("unknown category");
                }
                case 4 -> {
                    channel = pick(List.of("\"FAX\"", "\"\"", "42", "\"SMOKE_SIGNAL\""));
                    kinds.add("bad channel");
                }
                case 5 -> {
                    description = "\"" + "路".repeat(2001 + random.nextInt(3000)) + "\"";
                    kinds.add("description too long");
                }
                case 6 -> {
                    crs = pick(List.of("\"EPSG:4326\"", "\"XYZ\"", "7"));
                    kinds.add("unknown coordinate system");
                }
                case 7 -> {
                    urgency = pick(List.of("\"CRITICAL\"", "\"URGENT!!\"", "true"));
                    kinds.add("bad urgency");
                }
                case 8 -> {
                    phone = pick(List.of("\"12345\"", "\"abc\"", "\"1390000000000000000\"", "12"));
                    kinds.add("bad phone");
                }
                case 9 -> {
                    lat = "null";
                    lng = "null";
                    kinds.add("no location");
                }
                default -> {
                    description = "\"\"";
                    category = "\"\"";
                    kinds.add("empty values");
                }
            }
        }
        return ("{\"channel\":%s,\"category\":%s,\"description\":%s,\"location\":{\"lat\":%s,\"lng\":%s,\"crs\":%s},"
                        + "\"reporter\":{\"phone\":%s},\"urgency\":%s}")
                .formatted(channel, category, description, lat, lng, crs, phone, urgency);
    }

    /** Open311 parameters, each set missing something or naming nothing. */
    private String invalidOpen311Form(List<String> kinds) {
        var params = new ArrayList<String>();
        switch (random.nextInt(5)) {
            case 0 -> kinds.add("no api_key");
            case 1 -> {
                params.add("api_key=" + URLEncoder.encode(pick(ODD_TEXT) + "wrong", StandardCharsets.UTF_8));
                kinds.add("wrong api_key");
            }
            default -> {
                params.add("api_key=" + org.whistle.localstack.LocalStack.open311Key());
                kinds.add("bad parameters");
            }
        }
        params.add("service_code=" + URLEncoder.encode(pick(ODD_TEXT) + "FZ", StandardCharsets.UTF_8));
        params.add("lat=" + pick(List.of("91", "abc", "", "NaN")));
        params.add("long=" + pick(List.of("181", "east", "")));
        params.add("service_request_id="
                + pick(List.of("not-a-uuid", "", UUID.randomUUID().toString())));
        if (random.nextBoolean()) {
            params.add("description=");
        }
        return String.join("&", params);
    }

    /** Multipart with evidence that claims to be a photo or video and is not: a page, a program, an archive. */
    private void multipart(HttpRequest.Builder builder, String method, boolean whistle, List<String> kinds) {
        var boundary = "fz" + Long.toHexString(random.nextLong());
        var body = new ByteArrayOutputStream();
        var valid = WhistleTarget.whistle(random.nextInt(1000), "NORMAL");
        var part = whistle ? valid : "";
        write(body, "--" + boundary + "\r\n");
        if (whistle) {
            write(body, "Content-Disposition: form-data; name=\"whistle\"\r\nContent-Type: application/json\r\n\r\n");
            write(body, part + "\r\n--" + boundary + "\r\n");
        } else {
            write(body, "Content-Disposition: form-data; name=\"note\"\r\n\r\n现场照片\r\n--" + boundary + "\r\n");
        }
        String[] spoof = pick(List.of(
                new String[] {"photo.jpg", "image/jpeg", "<html><body>not a photo</body></html>"},
                new String[] {"photo.jpg", "image/jpeg", "MZ\u0090\u0000\u0003\u0000\u0000\u0000PE\u0000\u0000"},
                new String[] {"photo.png", "image/png", "PK\u0003\u0004\u0014\u0000\u0000\u0000evil.sh"},
                new String[] {"clip.mp4", "video/mp4", "#!/bin/sh\nrm -rf /\n"},
                new String[] {"photo.jpg", "image/jpeg", "\u00FF\u00D8\u00FF\u00E0\u0000\u0010JFIF\u0000truncated"},
                new String[] {"photo.jpg.exe", "application/octet-stream", "\u007FELF\u0002\u0001\u0001"},
                new String[] {"..%2F..%2Fphoto.jpg", "image/jpeg", "GIF89a<script>alert(1)</script>"},
                new String[] {"photo.svg", "image/svg+xml", "<svg onload=alert(1)></svg>"}));
        var fileName = spoof[0];
        if (random.nextInt(3) == 0) {
            fileName = pick(ODD_FILE_NAMES);
            kinds.add("odd file name");
        }
        kinds.add("spoofed media (" + spoof[1] + ", " + fileName + ")");
        write(body, "Content-Disposition: form-data; name=\"evidence\"; filename=\"" + fileName + "\"\r\n");
        write(body, "Content-Type: " + spoof[1] + "\r\n\r\n");
        body.writeBytes(spoof[2].getBytes(StandardCharsets.ISO_8859_1));
        write(body, "\r\n--" + boundary + "--\r\n");
        builder.header("Content-Type", "multipart/form-data; boundary=" + boundary);
        if (whistle) {
            builder.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        builder.method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Odd text as a header can carry it: a client sends only visible ASCII, space and tab there (Java's refuses
     * anything else before sending), so every other character goes percent-encoded, which is still no valid key.
     */
    static String headerValue(String text) {
        var value = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f) {
                value.append((char) c);
            } else {
                value.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return value.toString();
    }

    private static String escape(String text) {
        return text.chars()
                .mapToObj(c -> c < 0x20 || c == '"' || c == '\\'
                        ? String.format(Locale.ROOT, "\\u%04x", c)
                        : Character.toString(c))
                .collect(Collectors.joining());
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** An answer is a problem detail: {@code application/problem+json} with a title and the same status. */
    static boolean isProblemDetail(Http.Answer answer) {
        if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
            return false;
        }
        try {
            var json = answer.json();
            return json.isObject()
                    && json.hasNonNull("title")
                    && json.path("status").asInt() == answer.status();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Open311's own error document: a list of {@code code}/{@code description}, in JSON or XML. */
    static boolean isOpen311Error(Http.Answer answer) {
        var body = answer.body().strip();
        return body.startsWith("[") && body.contains("\"description\"")
                || body.startsWith("<?xml") && body.contains("<error>");
    }
}
