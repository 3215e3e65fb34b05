package org.whistle.systemtests.bench;

import java.net.URI;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Whistle through its gateway, as people and systems use it: a resident raises anonymously over WeChat (no token);
 * the street's dispatcher (signed in with PKCE) files, summons the roads section, verifies and closes; the roads
 * section's system (client credentials) reports in and reports done with evidence. Whistles are spread over the
 * grids of 甘南镇, whose one street dispatcher is the demo's.
 */
final class WhistleTarget implements LifecycleTarget {

    static final String DISPATCHER = "gn.street.sunhongwei";
    static final String UNIT_SYSTEM = "gn-zjj-lzg-system";
    static final String LEAD = "QQ-230225-ZJJ-LZG";
    static final String CATEGORY = "MUNICIPAL-ROAD-DAMAGE";

    /**
     * The grids of 甘南镇 (230225100) as {south, west, north, east}, from {@code demo/city/grids.geojson}; points are
     * taken in their inner half, well away from the borders.
     */
    static final List<double[]> GRIDS = List.of(
            new double[] {47.920613, 123.50342, 47.922591, 123.506369},
            new double[] {47.920613, 123.506369, 47.922591, 123.509318},
            new double[] {47.920613, 123.509318, 47.922591, 123.512267},
            new double[] {47.918635, 123.50342, 47.920613, 123.506369},
            new double[] {47.918635, 123.506369, 47.920613, 123.509318},
            new double[] {47.926, 123.507978, 47.927888, 123.512},
            new double[] {47.926, 123.512, 47.927888, 123.516022},
            new double[] {47.924112, 123.507978, 47.926, 123.512},
            new double[] {47.924112, 123.512, 47.926, 123.516022});

    private static final String EVIDENCE = "{\"note\":\"路面已修复\",\"evidence\":[{\"mediaId\":\"%s\","
            + "\"contentType\":\"image/jpeg\",\"sha256\":\"%s\"}]}";

    private final Http http;
    private final URI gateway;
    private final Tokens tokens;
    private final String urgency;

    WhistleTarget(Http http, URI gateway, Tokens tokens, String urgency) {
        this.http = http;
        this.gateway = gateway;
        this.tokens = tokens;
        this.urgency = urgency;
    }

    @Override
    public String name() {
        return "Whistle";
    }

    /** The JSON a resident's phone sends, at a point inside one of the street's grids. */
    static String whistle(long sequence, String urgency) {
        var grid = GRIDS.get((int) (sequence % GRIDS.size()));
        var lat = grid[0] + (grid[2] - grid[0]) * (0.25 + 0.5 * ((sequence * 7919) % 1000) / 1000.0);
        var lng = grid[1] + (grid[3] - grid[1]) * (0.25 + 0.5 * ((sequence * 104729) % 1000) / 1000.0);
        return String.format(Locale.ROOT, """
                {"channel":"WECHAT","category":"%s","description":"路面破损，压测第 %d 号","location":{"lat":%.6f,\
                "lng":%.6f,"crs":"WGS84"},"reporter":{"phone":"139%08d"},"urgency":"%s"}""", CATEGORY, sequence, lat, lng, sequence % 100_000_000, urgency);
    }

    @Override
    public String raise(String idempotencyKey, long sequence) {
        var answer = http.post(
                gateway.resolve("/api/whistles"),
                null,
                whistle(sequence, urgency),
                Map.of("Idempotency-Key", idempotencyKey));
        if (answer.status() != 201) {
            throw new Refused(answer.status(), answer.body());
        }
        return answer.json().path("id").asString();
    }

    @Override
    public Optional<String> routed(String whistleId) {
        var answer = http.get(gateway.resolve("/api/tickets/by-whistle/" + whistleId), tokens.of(DISPATCHER));
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (!answer.ok()) {
            throw new Refused(answer.status(), answer.body());
        }
        return Optional.of(answer.json().path("id").asString());
    }

    @Override
    public void act(Step step, String ticket) {
        var path = "/api/tickets/" + ticket;
        var answer = switch (step) {
            case FILE -> http.post(gateway.resolve(path + "/file"), tokens.of(DISPATCHER), "{}");
            case SUMMON ->
                http.post(gateway.resolve(path + "/summon"), tokens.of(DISPATCHER), "{\"lead\":\"" + LEAD + "\"}");
            case REPORT_IN ->
                http.post(gateway.resolve(path + "/tasks/" + LEAD + "/report-in"), tokens.of(UNIT_SYSTEM), "{}");
            case DONE ->
                http.post(
                        gateway.resolve(path + "/tasks/" + LEAD + "/done"),
                        tokens.of(UNIT_SYSTEM),
                        EVIDENCE.formatted(UUID.randomUUID(), HexFormat.of().formatHex(new byte[32])));
            case VERIFY -> http.post(gateway.resolve(path + "/verify"), tokens.of(DISPATCHER), "{\"pass\":true}");
            case CLOSE -> http.post(gateway.resolve(path + "/close"), tokens.of(DISPATCHER), "{}");
            case RAISE -> throw new IllegalArgumentException("raise is not an action on a ticket");
        };
        if (!answer.ok()) {
            throw new Refused(answer.status(), answer.body());
        }
    }
}
