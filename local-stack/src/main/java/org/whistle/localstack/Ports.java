package org.whistle.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free-port picking and checking for the ports the stack binds. */
final class Ports {

    private Ports() {}

    static int pickFree() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        }
    }

    /** Whether nothing listens on {@code port} on any address, the way a service binds it. */
    static boolean isFree(int port) {
        try (var socket = new ServerSocket(port)) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            // The bind failing is the answer: someone else holds the port.
            return false;
        }
    }
}
