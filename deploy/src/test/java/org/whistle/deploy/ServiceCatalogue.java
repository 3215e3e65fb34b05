package org.whistle.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The services as the code defines them, read from the repository's sources: a service is a module of the root pom
 * with an {@code application.yml}; its port is that file's {@code server.port}, its management port (probes, metrics)
 * {@code management.server.port} where it has one of its own; the environment variables it reads
 * are the placeholders and property names of the configuration it runs with (its own and that of the Whistle modules
 * it depends on).
 */
final class ServiceCatalogue {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern VALUE_KEY = Pattern.compile("@Value\\(\"\\$\\{([a-z0-9.\\-]+)[:}]");
    private static final Pattern PROPERTIES = Pattern.compile(
            "@ConfigurationProperties\\(\\s*(?:prefix\\s*=\\s*|value\\s*=\\s*)?\"([a-z0-9.\\-]+)\"\\s*\\)");

    private final Map<String, Service> services;

    private ServiceCatalogue(Map<String, Service> services) {
        this.services = services;
    }

    /** One deployable service and what it can be configured with. */
    record Service(
            String module,
            int port,
            int managementPort,
            Set<String> placeholders,
            Set<String> properties,
            Set<String> prefixes) {

        /** Whether Actuator answers on a port of its own, off the one that serves requests. */
        boolean separateManagementPort() {
            return managementPort != port;
        }

        /** Whether the service reads this environment variable, by placeholder or by Spring's relaxed binding. */
        boolean reads(String variable) {
            if (placeholders.contains(variable)) {
                return true;
            }
            for (var property : properties) {
                if (variable.equals(canonical(property)) || variable.equals(legacy(property))) {
                    return true;
                }
            }
            for (var prefix : prefixes) {
                if (variable.startsWith(canonical(prefix) + "_")) {
                    return true;
                }
            }
            return false;
        }

        /** Spring Boot's form of a property as an environment variable: upper case, dots to _, dashes dropped. */
        static String canonical(String property) {
            return property.replace("-", "").replace('.', '_').toUpperCase(java.util.Locale.ROOT);
        }

        /** The older form Spring Boot still binds: dashes to _ as well. */
        static String legacy(String property) {
            return property.replace('-', '_').replace('.', '_').toUpperCase(java.util.Locale.ROOT);
        }
    }

    static ServiceCatalogue read() {
        var services = new LinkedHashMap<String, Service>();
        for (var module : modules()) {
            var yml = Repository.path(module + "/src/main/resources/application.yml");
            if (Files.exists(yml)) {
                services.put(module, service(module, yml));
            }
        }
        return new ServiceCatalogue(services);
    }

    static List<String> modules() {
        var pom = Repository.read(Repository.path("pom.xml"));
        return MODULE.matcher(pom).results().map(m -> m.group(1)).toList();
    }

    Map<String, Service> services() {
        return services;
    }

    Service service(String module) {
        var service = services.get(module);
        if (service == null) {
            throw new IllegalArgumentException(module + " is no service module: " + services.keySet());
        }
        return service;
    }

    private static Service service(String module, Path applicationYml) {
        var placeholders = new TreeSet<String>();
        var properties = new TreeSet<String>();
        var prefixes = new TreeSet<String>();
        for (var source : withDependencies(module)) {
            for (var yml : files(Repository.path(source + "/src/main/resources"), ".yml")) {
                var text = Repository.read(yml);
                ENV_PLACEHOLDER.matcher(text).results().forEach(m -> placeholders.add(m.group(1)));
                for (var document : Repository.documents(text)) {
                    Yamls.flatten(document, (key, value) -> properties.add(key));
                }
            }
            for (var java : files(Repository.path(source + "/src/main/java"), ".java")) {
                var text = Repository.read(java);
                VALUE_KEY.matcher(text).results().forEach(m -> properties.add(m.group(1)));
                var annotated = PROPERTIES.matcher(text);
                while (annotated.find()) {
                    ConfigurationRecords.collect(java, text, annotated, properties, prefixes);
                }
            }
        }
        var port = Yamls.at(Repository.document(applicationYml), "server.port");
        if (!(port instanceof Integer number)) {
            throw new IllegalStateException(applicationYml + " names no server.port");
        }
        var management = Yamls.at(Repository.document(applicationYml), "management.server.port");
        int managementPort = management instanceof Integer separate ? separate : number;
        return new Service(
                module, number, managementPort, Set.copyOf(placeholders), Set.copyOf(properties), Set.copyOf(prefixes));
    }

    /** The module and every Whistle module it depends on at run time, transitively. */
    static Set<String> withDependencies(String module) {
        var found = new LinkedHashSet<String>();
        collect(module, found);
        return found;
    }

    private static void collect(String module, Set<String> found) {
        if (!found.add(module)) {
            return;
        }
        var pom = Repository.read(Repository.path(module + "/pom.xml"));
        // A service inherits the dependencies every service has from its parent (service-parent).
        var parentStart = pom.indexOf("<parent>");
        if (parentStart >= 0) {
            var parent = ARTIFACT.matcher(pom.substring(parentStart, pom.indexOf("</parent>")));
            if (parent.find() && Files.isRegularFile(Repository.path(parent.group(1) + "/pom.xml"))) {
                collect(parent.group(1), found);
            }
        }
        var dependencies = pom.substring(Math.max(0, pom.indexOf("<dependencies>")));
        Matcher dependency = DEPENDENCY.matcher(dependencies);
        while (dependency.find()) {
            var body = dependency.group(1);
            if (!body.contains("<groupId>org.whistle</groupId>")
                    || body.contains("<scope>test</scope>")
                    || body.contains("<type>pom</type>")) {
                continue;
            }
            var artifact = ARTIFACT.matcher(body);
            if (artifact.find() && Files.isDirectory(Repository.path(artifact.group(1)))) {
                collect(artifact.group(1), found);
            }
        }
    }

    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(path -> path.toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
