package org.whistle.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerProbeTest {

    @TempDir
    Path home;

    @Test
    void asksTestcontainersWhenDockerHostIsSet() {
        assertThat(DockerProbe.endpointConfigured(
                        Map.of("DOCKER_HOST", "tcp://build-box:2375"), home, new Properties()))
                .isTrue();
    }

    @Test
    void asksTestcontainersWhenItsConfigurationNamesAHost() {
        var configuration = new Properties();
        configuration.setProperty("tc.host", "tcp://127.0.0.1:41111");

        assertThat(DockerProbe.endpointConfigured(Map.of(), home, configuration))
                .isTrue();
    }

    @Test
    void asksTestcontainersWhenDockerDesktopLeftASocketInTheHomeDirectory() throws Exception {
        Files.createDirectories(home.resolve(".docker/run"));
        Files.createFile(home.resolve(".docker/run/docker.sock"));

        assertThat(DockerProbe.endpointConfigured(Map.of(), home, new Properties()))
                .isTrue();
    }

    @Test
    void findsNoEndpointWhenNothingPointsAtADaemon() {
        assumeFalse(Files.exists(Path.of("/var/run/docker.sock")), "this machine has a system Docker socket");
        assumeFalse(System.getProperty("os.name").startsWith("Windows"), "Windows uses named pipes");

        assertThat(DockerProbe.endpointConfigured(Map.of("XDG_RUNTIME_DIR", home.toString()), home, new Properties()))
                .isFalse();
    }
}
