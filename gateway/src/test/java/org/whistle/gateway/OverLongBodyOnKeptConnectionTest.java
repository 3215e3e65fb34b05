package org.whistle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.whistle.gateway.UnreadableRequestOnKeptConnectionTest.Answer;

/**
 * A body over the limit of its path, on a kept-alive connection, is answered 413 at once however it arrives (issue 17:
 * one {@code POST /api/org/categories} of some 200 KB got its 413 only after 20 s, when the fuzzer's client gave up):
 * with and without a declared length, written whole before the answer is read, sent right after a relayed answer, while
 * the previous exchange is still finishing (the answer read, its exchange not yet ended), pipelined behind another
 * request, and expecting {@code 100 Continue}; many connections at once. Every answer must come within seconds — the
 * socket's read timeout turns a stall into a failure naming the case. Here every attempt was answered in
 * time: the fuzzer's stall did not reproduce, so this guards those paths rather than pinning its cause.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(UnreadableRequestOnKeptConnectionTest.SlowToFinish.class)
class OverLongBodyOnKeptConnectionTest {

    private static final String ANSWER = "{\"type\":\"urn:whistle:problem:not-found\",\"status\":404}";

    /** org-registry's stand-in: every node is unknown. */
    private static final HttpServer ORG_REGISTRY = start();

    /** Far longer than a 413 takes here, far shorter than the 20 s the fuzzer's client waited. */
    private static final int PATIENCE_MS = 8_000;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void routeToStandIn(DynamicPropertyRegistry registry) {
        registry.add(
                "ORG_REGISTRY_URI",
                () -> "http://127.0.0.1:" + ORG_REGISTRY.getAddress().getPort());
    }

    @AfterAll
    static void stopStandIn() {
        ORG_REGISTRY.stop(0);
    }

    enum Before {
        /** A fresh connection. */
        NOTHING,
        /** A request relayed to org-registry, its answer read. */
        RELAYED,
        /** An answer read whose exchange ends 500 ms later: the next request arrives while it finishes. */
        FINISHING,
        /** Another request written in the same breath, the over-long one right behind it. */
        PIPELINED
    }

    @Test
    void answersEveryOverLongBodyAtOnceHoweverItArrives() throws Exception {
        var cases = new ArrayList<Callable<String>>();
        for (var before : Before.values()) {
            for (var chunked : List.of(false, true)) {
                for (var expectContinue : List.of(false, true)) {
                    for (var size : List.of(70_000, 120_000, 300_000, 1_500_000)) {
                        var name = before + (chunked ? " chunked" : " declared") + (expectContinue ? " expect" : "")
                                + " " + size;
                        cases.add(() -> attempt(name, before, chunked, expectContinue, size));
                    }
                }
            }
        }
        var failures = new ArrayList<String>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int round = 0; round < 3; round++) {
                for (var outcome : pool.invokeAll(cases)) {
                    var failure = outcome.get();
                    if (failure != null) {
                        failures.add(failure);
                    }
                }
            }
        }

        assertThat(failures)
                .as("over-long bodies answered late, wrongly or not at all")
                .isEmpty();
    }

    /** One case on its own connection; {@code null} when the 413 came in time, else what went wrong. */
    private String attempt(String name, Before before, boolean chunked, boolean expectContinue, int size) {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(PATIENCE_MS);
            var in = socket.getInputStream();
            var out = socket.getOutputStream();
            switch (before) {
                case NOTHING -> {}
                case RELAYED -> {
                    write(out, get("/api/org/nodes/FZ-9/units"));
                    if (Answer.read(in).status() != 404) {
                        return name + ": the relayed request was not answered 404";
                    }
                }
                case FINISHING -> {
                    write(out, get(UnreadableRequestOnKeptConnectionTest.SlowToFinish.PATH));
                    if (Answer.read(in).status() != 200) {
                        return name + ": the first request was not answered 200";
                    }
                }
                case PIPELINED -> write(out, get("/api/org/nodes/FZ-9/units"));
            }
            var started = System.nanoTime();
            var writer = Thread.ofVirtual().start(() -> writeOverLong(out, chunked, expectContinue, size, true));
            if (before == Before.PIPELINED && Answer.read(in).status() != 404) {
                return name + ": the request ahead was not answered 404";
            }
            var answer = Answer.read(in);
            if (expectContinue && answer.status() == 100) {
                // Without a declared length the gateway cannot know the size unread, so it asks for the body.
                writer.join(PATIENCE_MS);
                writer = Thread.ofVirtual().start(() -> writeOverLong(out, chunked, false, size, false));
                answer = Answer.read(in);
            }
            var took = (System.nanoTime() - started) / 1_000_000;
            writer.join(PATIENCE_MS);
            if (answer.status() != 413) {
                return name + ": answered " + answer.status() + " after " + took + " ms";
            }
            return null;
        } catch (SocketTimeoutException e) {
            return name + ": no answer within " + PATIENCE_MS + " ms";
        } catch (IOException e) {
            return name + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return name + ": interrupted";
        }
    }

    /**
     * The whole request (or, after a {@code 100 Continue}, its body), written before anything is read; with
     * {@code expectContinue} only the head. A write refused by a closed connection ends it quietly.
     */
    private static void writeOverLong(
            OutputStream out, boolean chunked, boolean expectContinue, int size, boolean withHead) {
        try {
            var head = "POST /api/org/categories HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + (expectContinue ? "Expect: 100-continue\r\n" : "")
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + size + "\r\n")
                    + "\r\n";
            if (withHead) {
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            }
            if (expectContinue) {
                // As Java's client does with expectContinue(true): the body only after a 100 Continue, never after a
                // final answer.
                out.flush();
                return;
            }
            var chunk = "{\"name\":\"".getBytes(StandardCharsets.UTF_8);
            var filler = "長".repeat(2_730).getBytes(StandardCharsets.UTF_8);
            for (int sent = 0; sent < size; ) {
                var piece = sent == 0 ? chunk : filler;
                int length = Math.min(piece.length, size - sent);
                if (chunked) {
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write(piece, 0, length);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                sent += length;
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
        } catch (IOException e) {
            // The gateway answered and closed before the whole body was sent: the answer is what counts.
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    }

    private static HttpServer start() {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                var body = ANSWER.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start org-registry's stand-in", e);
        }
    }
}
