package org.whistle.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LauncherLocationTest {

    @Test
    void findsTheExecutableJarFromSpringBootsNestedClassesUrl() {
        assertThat(
                        LocalStack.launcherLocation(
                                "jar:nested:/home/dev/whistle/local-stack/target/whistle-local-stack-exec.jar/!BOOT-INF/classes/!/"))
                .contains(Path.of("/home/dev/whistle/local-stack/target/whistle-local-stack-exec.jar"));
    }

    @Test
    void decodesEscapedCharactersInTheJarPath() {
        assertThat(LocalStack.launcherLocation("jar:nested:/home/dev/my%20projects/app.jar/!BOOT-INF/classes/!/"))
                .contains(Path.of("/home/dev/my projects/app.jar"));
    }

    @Test
    void findsAPlainJarOrClassesDirectory() {
        assertThat(LocalStack.launcherLocation("file:/home/dev/whistle/local-stack/target/classes/"))
                .contains(Path.of("/home/dev/whistle/local-stack/target/classes"));
        assertThat(LocalStack.launcherLocation("jar:file:/opt/whistle/whistle-local-stack.jar!/"))
                .contains(Path.of("/opt/whistle/whistle-local-stack.jar"));
    }

    @Test
    void looksForTheServicesBesideTheClassesItRunsFrom() {
        var classes = Path.of("target/classes").toAbsolutePath();

        assertThat(LocalStack.servicesBesideLauncher()).contains(classes.resolveSibling("services"));
    }
}
