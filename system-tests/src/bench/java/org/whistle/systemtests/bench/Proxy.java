package org.whistle.systemtests.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP round-robin balancer in front of a service's replicas, as a Kubernetes Service is: each new connection goes to
 * the next replica that accepts it; one that refuses (stopped) is skipped. Bytes are copied both ways until either side
 * closes.
 */
final class Proxy implements AutoCloseable {

    private final String name;
    private final ServerSocket server;
    private final List<Integer> backends = new CopyOnWriteArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong refusedBackends = new AtomicLong();
    private volatile boolean closed;

    /** A balancer listening on {@code port} (not 0: the platform's ports are picked ahead and not yet bound). */
    Proxy(String name, int port, List<Integer> backends) throws IOException {
        this.name = name;
        this.backends.addAll(backends);
        this.server = new ServerSocket(port, 512, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("proxy-" + name).start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    String name() {
        return name;
    }

    long connections() {
        return connections.get();
    }

    /** Connections a replica refused, so that the next one took them. */
    long refusedBackends() {
        return refusedBackends.get();
    }

    private void accept() {
        while (!closed) {
            try {
                var client = server.accept();
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                if (!closed) {
                    Bench.progress("[proxy %s] accept failed: %s", name, e);
                }
            }
        }
    }

    private void serve(Socket client) {
        Socket backend = null;
        for (int attempt = 0; attempt < backends.size() && backend == null; attempt++) {
            int port = backends.get(Math.floorMod(next.getAndIncrement(), backends.size()));
            try {
                var socket = new Socket();
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                backend = socket;
            } catch (IOException refused) {
                refusedBackends.incrementAndGet();
            }
        }
        if (backend == null) {
            close(client);
            return;
        }
        var upstream = backend;
        try {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
        } catch (IOException ignored) {
            // Only a latency hint.
        }
        var copy = Thread.ofVirtual().start(() -> pipe(client, upstream));
        pipe(upstream, client);
        try {
            copy.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close(upstream);
        close(client);
    }

    private static void pipe(Socket from, Socket to) {
        var buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            close(to);
            close(from);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing.
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }
}
