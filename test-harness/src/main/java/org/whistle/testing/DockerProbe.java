package org.whistle.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;

/**
 * Tells whether a Docker daemon answers, asking Testcontainers only when a Docker endpoint is configured at all.
 *
 * <p>Testcontainers' own search logs an ERROR and loads native code when it finds nothing; on machines without
 * Docker the embedded infrastructure is the expected choice, so that search is skipped there.
 */
final class DockerProbe {

    private static final List<String> ENDPOINT_VARIABLES =
            List.of("DOCKER_HOST", "TESTCONTAINERS_DOCKER_CLIENT_STRATEGY", "TESTCONTAINERS_TC_HOST", "TC_HOST");
    private static final List<String> ENDPOINT_PROPERTIES = List.of("docker.host", "docker.client.strategy", "tc.host");

    private DockerProbe() {}

    static boolean dockerAvailable() {
        var home = Path.of(System.getProperty("user.home"));
        return endpointConfigured(System.getenv(), home, testcontainersProperties(home))
                && DockerClientFactory.instance().isDockerAvailable();
    }

    /** Whether anything points at a Docker daemon: the places Testcontainers' strategies look at. */
    static boolean endpointConfigured(Map<String, String> environment, Path home, Properties testcontainers) {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            // Docker on Windows listens on a named pipe, which is not a file to look for.
            return true;
        }
        if (ENDPOINT_VARIABLES.stream().anyMatch(name -> isSet(environment.get(name)))
                || ENDPOINT_PROPERTIES.stream().anyMatch(name -> isSet(testcontainers.getProperty(name)))) {
            return true;
        }
        var sockets = new ArrayList<Path>(List.of(
                Path.of("/var/run/docker.sock"),
                home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock")));
        var runtimeDir = environment.get("XDG_RUNTIME_DIR");
        if (isSet(runtimeDir)) {
            sockets.add(Path.of(runtimeDir, "docker.sock"));
        }
        return sockets.stream().anyMatch(Files::exists);
    }

    private static Properties testcontainersProperties(Path home) {
        var properties = new Properties();
        var userFile = home.resolve(".testcontainers.properties");
        try {
            try (var classpath = DockerProbe.class.getClassLoader().getResourceAsStream("testcontainers.properties")) {
                if (classpath != null) {
                    properties.load(classpath);
                }
            }
            if (Files.exists(userFile)) {
                try (var user = Files.newInputStream(userFile)) {
                    properties.load(user);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the Testcontainers configuration", e);
        }
        return properties;
    }

    private static boolean isSet(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
