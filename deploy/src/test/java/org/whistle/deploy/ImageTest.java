package org.whistle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** The image every service is built into runs as a user, sizes its heap to the container, and says when it is up. */
class ImageTest {

    private final String dockerfile = Repository.read(Repository.path("deploy/docker/Dockerfile"));

    @Test
    void runsAsANumericNonRootUser() {
        var users = dockerfile.lines().filter(l -> l.startsWith("USER ")).toList();
        assertThat(users).isNotEmpty();
        assertThat(users.getLast()).matches("USER [1-9][0-9]{3,}(:[1-9][0-9]{3,})?");
    }

    @Test
    void sizesTheHeapToTheContainerWhereverTheOptionsAreReplaced() {
        assertThat(dockerfile).contains("-XX:MaxRAMPercentage=").doesNotContain("-Xmx");
        var overrides = new ArrayList<String>();
        Compose.read().whistleServices().forEach(w -> {
            if (w.environment().containsKey("JDK_JAVA_OPTIONS")) {
                overrides.add(w.environment().get("JDK_JAVA_OPTIONS"));
            }
        });
        Kubernetes.files("deploy/base").whistleServices().forEach(w -> {
            if (w.environment().containsKey("JDK_JAVA_OPTIONS")) {
                overrides.add(w.environment().get("JDK_JAVA_OPTIONS"));
            }
        });
        assertThat(overrides)
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o).contains("-XX:MaxRAMPercentage=").doesNotContain("-Xmx"));
    }

    @Test
    void checksLivenessOnActuatorAndShipsTheJarInLayers() {
        assertThat(dockerfile)
                .containsPattern("HEALTHCHECK .*\\n.*/actuator/health/liveness")
                .contains("-Djarmode=tools -jar application.jar extract --layers")
                .contains("COPY --from=layers /layers/extracted/dependencies/ ./");
    }

    @Test
    void logsJsonInContainersAndTextOnlyOnADevelopersConsole() {
        assertThat(dockerfile).containsPattern("(?m)^\\s+LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs \\\\$");
        var localStack =
                Repository.read(Repository.path("local-stack/src/main/java/org/whistle/localstack/ServiceLaunch.java"));
        assertThat(localStack).as("the local stack keeps text").doesNotContain("LOGGING_STRUCTURED_FORMAT");
    }
}
