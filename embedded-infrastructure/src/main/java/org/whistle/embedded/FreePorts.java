package org.whistle.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Free-port picking and checking, for the broker, the database and the services the local stack starts. */
public final class FreePorts {

    /** Where Linux keeps the range it takes outgoing connections' local ports from. */
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    private static final int LOWEST = 10_000;

    /** Handed out by this JVM: a port picked twice before either is bound would be taken twice. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {}

    /**
     * A loopback port that is free now; someone may take it before the caller binds it. It is taken below the
     * system's ephemeral range where there is room: a port the kernel hands out for {@code bind(0)} is just as likely
     * handed to the next outgoing connection — the likeliest reason a started service once found "its" port in use (the
     * replicas bench, 2026-12-07).
     */
    public static int pick() {
        int below = ephemeralLow();
        for (int attempt = 0; below > LOWEST + 1_000 && attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (!HANDED_OUT.contains(port) && bindsOnLoopback(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            HANDED_OUT.add(socket.getLocalPort());
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        }
    }

    /** Whether nothing listens on {@code port} on any address, the way a service binds it. */
    public static boolean isFree(int port) {
        try (var socket = new ServerSocket(port)) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            // The bind failing is the answer: someone else holds the port.
            return false;
        }
    }

    private static boolean bindsOnLoopback(int port) {
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }

    /** The ephemeral range's lowest port, or 0 where the system does not say (then {@code bind(0)} is used). */
    private static int ephemeralLow() {
        try {
            var range = Files.readString(EPHEMERAL_RANGE).trim().split("\\s+");
            return Integer.parseInt(range[0]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
