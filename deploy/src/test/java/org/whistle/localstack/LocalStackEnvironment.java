package org.whistle.localstack;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the local stack gives each service to start with, as its launcher builds it: the deploy module compares this
 * with the compose file and the Kubernetes manifests. Lives in the launcher's package because the launch is not API.
 */
public final class LocalStackEnvironment {

    private LocalStackEnvironment() {}

    /** The environment variables of each service's process, by Maven module. */
    public static Map<String, Map<String, String>> byModule() {
        var ports = new EnumMap<Service, Integer>(Service.class);
        var jdbcUrls = new LinkedHashMap<String, String>();
        for (var service : Service.values()) {
            ports.put(service, service.defaultPort());
            service.database()
                    .ifPresent(database -> jdbcUrls.put(database, "jdbc:postgresql://127.0.0.1:5432/" + database));
        }
        var infrastructure = new Infrastructure("127.0.0.1:9092", jdbcUrls, "postgres", "postgres");
        var environments = new LinkedHashMap<String, Map<String, String>>();
        for (var service : Service.values()) {
            var launch = ServiceLaunch.of(
                    service,
                    Path.of("java"),
                    Path.of("services"),
                    ports,
                    infrastructure,
                    Path.of("demo"),
                    new StackSecrets(
                            "phone-key",
                            "gateway-client-secret",
                            "tracking-key",
                            "anchor-signing-key",
                            "anchor-public-key",
                            "stream-ticket-key"),
                    "http://127.0.0.1:8080",
                    Path.of("logs"));
            environments.put(service.module(), launch.environment());
        }
        return environments;
    }

    /** Each service's default port, by Maven module. */
    public static Map<String, Integer> portsByModule() {
        var ports = new LinkedHashMap<String, Integer>();
        for (var service : Service.values()) {
            ports.put(service.module(), service.defaultPort());
        }
        return ports;
    }

    /** The database each service owns, by Maven module. */
    public static Map<String, String> databasesByModule() {
        var databases = new LinkedHashMap<String, String>();
        for (var service : Service.values()) {
            service.database().ifPresent(database -> databases.put(service.module(), database));
        }
        return databases;
    }
}
