package org.whistle.systemtests.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay between the fuzzer's client and the gateway that keeps the latest bytes of every connection in each
 * direction, with the time each chunk passed. When a request goes unanswered it says which side stopped: whether the
 * request reached the gateway, whether an answer came back after it, and whether that answer was handed on to the
 * client — what a packet capture would show, without one (this machine has no tshark).
 */
final class Wiretap implements AutoCloseable {

    /** Per direction and connection: enough for the last few hundred exchanges of a keep-alive connection. */
    private static final int KEPT_BYTES = 512 * 1024;

    private final ServerSocket server;
    private final int backendPort;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger numbers = new AtomicInteger();
    private volatile boolean closed;

    Wiretap(URI backend) throws IOException {
        this.backendPort = backend.getPort();
        this.server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("wiretap").start(this::accept);
    }

    /** The gateway's address as the client should use it: through the tap. */
    URI address(URI backend) {
        return URI.create(backend.getScheme() + "://127.0.0.1:" + server.getLocalPort());
    }

    /**
     * What the tap saw of the request with this method and raw path: on which connection it went, when, and what came
     * back after it (the start of the bytes, escaped), when, and whether it was written on to the client.
     */
    String explain(String method, String rawPath) {
        var line = (method + " " + rawPath).getBytes(StandardCharsets.ISO_8859_1);
        var report = new ArrayList<String>();
        for (var connection : connections) {
            var found = connection.toBackend.find(line);
            if (found == null) {
                continue;
            }
            var answer = connection.fromBackend.firstAfter(found.nanos());
            report.add("connection %d (%s): request reached the tap at +%d ms and was %s; %s; closed by %s"
                    .formatted(
                            connection.number,
                            connection.describe(),
                            found.millisSinceStart(),
                            found.forwarded() ? "written to the gateway" : "NOT written to the gateway",
                            answer == null
                                    ? "NO byte came back from the gateway after it"
                                    : "the gateway's next bytes came at +%d ms (%d ms later) and were %s: %s"
                                            .formatted(
                                                    answer.millisSinceStart(),
                                                    (answer.nanos() - found.nanos()) / 1_000_000,
                                                    answer.forwarded()
                                                            ? "written to the client"
                                                            : "NOT written to the client",
                                                    answer.preview()),
                            connection.closedBy));
        }
        return report.isEmpty() ? "the tap never saw this request line" : String.join(" | ", report);
    }

    private void accept() {
        while (!closed) {
            try {
                var client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                if (!closed) {
                    Bench.progress("[wiretap] accept failed: %s", e);
                }
            }
        }
    }

    private void serve(Socket client) {
        var connection = new Connection(numbers.incrementAndGet());
        connections.add(connection);
        try (client;
                var backend = new Socket()) {
            backend.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), backendPort), 3000);
            client.setTcpNoDelay(true);
            backend.setTcpNoDelay(true);
            connection.ports = client.getPort() + "→" + backend.getLocalPort();
            var up = Thread.ofVirtual().start(() -> pipe(client, backend, connection.toBackend, connection, "client"));
            pipe(backend, client, connection.fromBackend, connection, "gateway");
            up.join();
        } catch (IOException e) {
            connection.closedBy = "tap: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pipe(Socket from, Socket to, Transcript transcript, Connection connection, String side) {
        var buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                var chunk = transcript.add(buffer, read);
                out.write(buffer, 0, read);
                out.flush();
                chunk.forwarded = true;
            }
            connection.closedBy = connection.closedBy == null ? side + " (FIN)" : connection.closedBy;
            to.shutdownOutput();
        } catch (IOException e) {
            connection.closedBy = connection.closedBy == null ? side + " side: " + e.getMessage() : connection.closedBy;
            closeQuietly(to);
            closeQuietly(from);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing after a failure.
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }

    private static final class Connection {
        final int number;
        final Transcript toBackend = new Transcript();
        final Transcript fromBackend = new Transcript();
        volatile String ports = "?";
        volatile String closedBy;

        Connection(int number) {
            this.number = number;
        }

        String describe() {
            return "ports " + ports + ", " + toBackend.total + " bytes up, " + fromBackend.total + " bytes down";
        }
    }

    private static final long START = System.nanoTime();

    /** The chunks of one direction, the oldest dropped once more than {@link #KEPT_BYTES} are kept. */
    private static final class Transcript {
        private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
        private int kept;
        volatile long total;

        synchronized Chunk add(byte[] buffer, int length) {
            var chunk = new Chunk(System.nanoTime(), java.util.Arrays.copyOf(buffer, length));
            chunks.addLast(chunk);
            kept += length;
            total += length;
            while (kept > KEPT_BYTES && chunks.size() > 1) {
                kept -= chunks.removeFirst().bytes.length;
            }
            return chunk;
        }

        /** The chunk in which {@code line} starts (a request line is sent in one write by every client we use). */
        synchronized Chunk find(byte[] line) {
            Chunk found = null;
            for (var chunk : chunks) {
                if (indexOf(chunk.bytes, line) >= 0) {
                    found = chunk;
                }
            }
            return found;
        }

        synchronized Chunk firstAfter(long nanos) {
            for (var chunk : chunks) {
                if (chunk.nanos >= nanos) {
                    return chunk;
                }
            }
            return null;
        }

        private static int indexOf(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    private static final class Chunk {
        final long nanos;
        final byte[] bytes;
        volatile boolean forwarded;

        Chunk(long nanos, byte[] bytes) {
            this.nanos = nanos;
            this.bytes = bytes;
        }

        long nanos() {
            return nanos;
        }

        boolean forwarded() {
            return forwarded;
        }

        long millisSinceStart() {
            return (nanos - START) / 1_000_000;
        }

        String preview() {
            var text = new String(bytes, 0, Math.min(bytes.length, 160), StandardCharsets.ISO_8859_1);
            return text.replace("\r", "\\r").replace("\n", "\\n");
        }
    }
}
