import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A department system's receiver for Whistle's webhooks, with the JDK alone: {@code java WebhookReceiver.java <port>
 * <secret>}. It verifies each delivery as notification-service's README and the AsyncAPI document say — HMAC-SHA256
 * over {@code <X-Whistle-Timestamp>.<raw body>} with the subscription's secret, compared in constant time; a timestamp
 * more than five minutes from this clock refused (a captured request cannot be replayed later) — then handles each
 * event once (by {@code X-Whistle-Event-Id}; a redelivery is acknowledged again but not handled twice) and answers
 * 204. It prints one line per request: {@code accepted <event id> <type>}, {@code duplicate <event id>} or
 * {@code refused <reason>}. Replace {@link #handle} with what the department's system does.
 */
public class WebhookReceiver {

    static final Duration TOLERANCE = Duration.ofMinutes(5);
    /** How many event ids are remembered for de-duplication; a real system keeps them in its database. */
    static final int REMEMBERED = 100_000;
    /** Larger bodies are refused unread: an envelope is a few kilobytes. */
    static final int MAX_BODY = 1 << 20;

    private final byte[] secret;
    private final Set<String> handled = Collections.newSetFromMap(new LinkedHashMap<String, Boolean>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    WebhookReceiver(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java WebhookReceiver.java <port> <secret>");
            System.exit(2);
        }
        var receiver = new WebhookReceiver(args[1]);
        var server = HttpServer.create(new InetSocketAddress(Integer.parseInt(args[0])), 0);
        server.createContext("/", receiver::receive);
        server.start();
        System.out.println("listening on " + server.getAddress().getPort());
    }

    void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 405, "refused method " + exchange.getRequestMethod());
                return;
            }
            var body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                answer(exchange, 413, "refused too large");
                return;
            }
            var headers = exchange.getRequestHeaders();
            var timestamp = headers.getFirst("X-Whistle-Timestamp");
            var signature = headers.getFirst("X-Whistle-Signature");
            var eventId = headers.getFirst("X-Whistle-Event-Id");
            var type = headers.getFirst("X-Whistle-Event-Type");
            if (timestamp == null || signature == null || eventId == null) {
                answer(exchange, 400, "refused unsigned");
                return;
            }
            if (!fresh(timestamp)) {
                answer(exchange, 401, "refused stale timestamp");
                return;
            }
            if (!MessageDigest.isEqual(
                    expected(timestamp, body).getBytes(StandardCharsets.UTF_8),
                    signature.trim().getBytes(StandardCharsets.UTF_8))) {
                answer(exchange, 401, "refused bad signature");
                return;
            }
            synchronized (handled) {
                if (!handled.add(eventId)) {
                    answer(exchange, 204, "duplicate " + eventId);
                    return;
                }
            }
            handle(type, new String(body, StandardCharsets.UTF_8));
            answer(exchange, 204, "accepted " + eventId + " " + type);
        }
    }

    /** What the department's system does with an event: here nothing beyond the line {@link #receive} prints. */
    void handle(String type, String envelope) {}

    private boolean fresh(String timestamp) {
        try {
            var signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
            return Duration.between(signedAt, Instant.now()).abs().compareTo(TOLERANCE) <= 0;
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return false;
        }
    }

    private String expected(String timestamp, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp.trim() + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String line) throws IOException {
        System.out.println(line);
        System.out.flush();
        exchange.sendResponseHeaders(status, -1);
    }
}
