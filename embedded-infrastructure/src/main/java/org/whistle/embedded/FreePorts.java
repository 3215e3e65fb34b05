package org.whistle.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free-port picking and checking, for the broker, the database and the services the local stack starts. */
public final class FreePorts {

    private FreePorts() {}

    /** A loopback port that is free now; someone may take it before the caller binds it. */
    public static int pick() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
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
}
