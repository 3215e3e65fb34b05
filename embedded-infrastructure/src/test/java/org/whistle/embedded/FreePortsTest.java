package org.whistle.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    @Test
    void picksNeitherAPortTheKernelMayGiveAnOutgoingConnectionNorOneAlreadyHandedOut() throws Exception {
        assumeTrue(Files.isReadable(EPHEMERAL_RANGE), "only Linux says which range outgoing connections use");
        int ephemeralLow =
                Integer.parseInt(Files.readString(EPHEMERAL_RANGE).trim().split("\\s+")[0]);
        assumeTrue(ephemeralLow > 11_000, "no room below the ephemeral range");

        var picked = new HashSet<Integer>();
        for (int i = 0; i < 50; i++) {
            int port = FreePorts.pick();
            assertThat(port).isBetween(10_000, ephemeralLow - 1);
            assertThat(picked.add(port)).as("port %d picked twice", port).isTrue();
            try (var bound = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(bound.getLocalPort()).isEqualTo(port);
            }
        }
    }
}
