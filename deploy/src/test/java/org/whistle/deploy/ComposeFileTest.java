package org.whistle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.whistle.localstack.LocalStackEnvironment;

/** docker-compose.yml holds together as Compose reads it: references resolve and mounted files exist. */
class ComposeFileTest {

    private final Compose compose = Compose.read();

    @Test
    void dependsOnlyOnServicesItDefines() {
        var services = compose.services();
        var problems = new ArrayList<String>();
        services.forEach((name, service) -> {
            var dependsOn = service.get("depends_on");
            Iterable<?> targets = dependsOn instanceof java.util.Map<?, ?> map ? map.keySet() : Yamls.list(dependsOn);
            for (var target : targets) {
                if (!services.containsKey(String.valueOf(target))) {
                    problems.add(name + " depends on " + target);
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void mountsOnlyDeclaredVolumesAndFilesThatExist() {
        var declared = Yamls.map(compose.root.get("volumes")).keySet();
        var problems = new ArrayList<String>();
        compose.services().forEach((name, service) -> {
            for (var volume : Yamls.list(service.get("volumes"))) {
                var source = String.valueOf(volume).split(":")[0];
                if (source.startsWith(".")) {
                    if (!Files.exists(Repository.ROOT.resolve(source).normalize())) {
                        problems.add(name + " mounts missing " + source);
                    }
                } else if (!declared.contains(source)) {
                    problems.add(name + " mounts undeclared volume " + source);
                }
            }
            var build = Yamls.map(service.get("build"));
            if (build.get("dockerfile") != null
                    && !Files.exists(Repository.ROOT.resolve(String.valueOf(build.get("dockerfile"))))) {
                problems.add(name + " builds from missing " + build.get("dockerfile"));
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void publishesOnlyTheGatewayOfThePlatform() {
        var published = new TreeSet<String>();
        compose.services().forEach((name, service) -> {
            var profiles = Yamls.list(service.get("profiles"));
            if (service.get("ports") != null && profiles.isEmpty()) {
                published.add(name + " " + Compose.withDefaults(String.valueOf(Yamls.list(service.get("ports")))));
            }
        });
        assertThat(published).containsExactly("gateway [8080:8080]");
    }

    @Test
    void createsEveryServiceDatabase() {
        var postgres = compose.services().get("postgres");
        var databases =
                Set.of(Yamls.string(postgres, "environment.WHISTLE_DATABASES").split(" "));
        assertThat(databases)
                .containsExactlyInAnyOrderElementsOf(
                        LocalStackEnvironment.databasesByModule().values());
        for (var database : databases) {
            assertThat(Yamls.map(postgres.get("environment"))).containsKey("DB_PASSWORD_" + database.toUpperCase());
        }
    }

    @Test
    void offersDemoDataAndMonitoringOnlyByProfile() {
        var profiles = new TreeSet<String>();
        compose.services()
                .values()
                .forEach(service ->
                        Yamls.list(service.get("profiles")).forEach(profile -> profiles.add(String.valueOf(profile))));
        assertThat(profiles).containsExactly("demo", "observability");
        assertThat(Yamls.list(compose.services().get("demo-city").get("volumes")))
                .contains("./demo:/demo:ro");
    }
}
