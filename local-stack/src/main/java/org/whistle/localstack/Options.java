package org.whistle.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How to run the local stack: where its data and the service jars are, and which ports to use. A port of 0 means
 * "any free port", which is what tests want.
 *
 * @param servicesDir the directory holding {@code <module>.jar} for every service; {@code null} means the
 *     {@code services} directory beside the launcher
 * @param historyMonths how many whole months before this one to publish as the demo city's history (ADR 0032) once
 *     every service is ready, the first time the data folder starts with it; 0 for none
 */
public record Options(
        Path dataDir,
        @Nullable Path servicesDir,
        int kafkaPort,
        int postgresPort,
        Map<Service, Integer> servicePorts,
        Duration readinessTimeout,
        int historyMonths) {

    public static final Path DEFAULT_DATA_DIR = Path.of(".whistle");
    public static final String DATA_DIR_VARIABLE = "WHISTLE_DATA_DIR";
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_POSTGRES_PORT = 5432;
    public static final Duration DEFAULT_READINESS_TIMEOUT = Duration.ofSeconds(180);
    /** Two years of history at most: a year of the demo city is about 200,000 events. */
    public static final int MAX_HISTORY_MONTHS = 24;

    /** The command-line help, shown when an option is not understood. */
    public static final String USAGE = """
            Usage: java -jar whistle-local-stack-exec.jar [options]
              --data-dir=DIR          data folder (default ./.whistle, or env WHISTLE_DATA_DIR)
              --services-dir=DIR      folder holding <service>.jar (default: services/ beside this jar)
              --kafka-port=N          Kafka broker port (default 9092)
              --postgres-port=N       PostgreSQL port (default 5432)
              --<service>-port=N      a service's port, e.g. --gateway-port=18080, --intake-service-port=18082
              --history=N             publish the demo city's past N months (1-24) as history events once, so the
                                      evaluation pages show figures (default 0: none)
            A port of 0 picks a free one.
            Env WHISTLE_PUBLIC_URL: the address people sign in at (default http://127.0.0.1:<gateway port>).""";

    public Options {
        var ports = new EnumMap<Service, Integer>(Service.class);
        ports.putAll(servicePorts);
        for (var service : Service.values()) {
            if (!ports.containsKey(service)) {
                throw new IllegalArgumentException("No port for " + service.module());
            }
            requirePort(service.module(), ports.get(service));
        }
        requirePort("Kafka", kafkaPort);
        requirePort("PostgreSQL", postgresPort);
        servicePorts = Map.copyOf(ports);
        requireDistinctPorts(kafkaPort, postgresPort, ports);
        if (readinessTimeout.isNegative() || readinessTimeout.isZero()) {
            throw new IllegalArgumentException("The readiness timeout must be positive: " + readinessTimeout);
        }
        if (historyMonths < 0 || historyMonths > MAX_HISTORY_MONTHS) {
            throw new IllegalArgumentException(
                    "--history takes 0 to " + MAX_HISTORY_MONTHS + " months, not " + historyMonths);
        }
    }

    /** Everything at its default: {@code ./.whistle}, the jars beside the launcher, the well-known ports. */
    public static Options defaults() {
        var ports = new EnumMap<Service, Integer>(Service.class);
        for (var service : Service.values()) {
            ports.put(service, service.defaultPort());
        }
        return new Options(
                DEFAULT_DATA_DIR, null, DEFAULT_KAFKA_PORT, DEFAULT_POSTGRES_PORT, ports, DEFAULT_READINESS_TIMEOUT, 0);
    }

    /**
     * Reads {@code --name=value} arguments over the environment over the defaults.
     *
     * @throws IllegalArgumentException naming the argument that is not understood
     */
    public static Options parse(List<String> args, Map<String, String> environment) {
        var options = defaults();
        var dataDir = environment.get(DATA_DIR_VARIABLE);
        if (dataDir != null && !dataDir.isBlank()) {
            options = options.withDataDir(Path.of(dataDir));
        }
        for (var arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Expected --name=value but got: " + arg);
            }
            var name = arg.substring(2, equals);
            var value = arg.substring(equals + 1);
            options = switch (name) {
                case "data-dir" -> options.withDataDir(Path.of(requireValue(name, value)));
                case "services-dir" -> options.withServicesDir(Path.of(requireValue(name, value)));
                case "kafka-port" -> options.withKafkaPort(parsePort(name, value));
                case "postgres-port" -> options.withPostgresPort(parsePort(name, value));
                case "history" -> options.withHistoryMonths(parseMonths(name, value));
                default -> options.withServicePort(serviceOfPortOption(name), parsePort(name, value));
            };
        }
        return options;
    }

    public Options withDataDir(Path dataDir) {
        return new Options(
                dataDir, servicesDir, kafkaPort, postgresPort, servicePorts, readinessTimeout, historyMonths);
    }

    public Options withServicesDir(Path servicesDir) {
        return new Options(
                dataDir, servicesDir, kafkaPort, postgresPort, servicePorts, readinessTimeout, historyMonths);
    }

    public Options withKafkaPort(int kafkaPort) {
        return new Options(
                dataDir, servicesDir, kafkaPort, postgresPort, servicePorts, readinessTimeout, historyMonths);
    }

    public Options withPostgresPort(int postgresPort) {
        return new Options(
                dataDir, servicesDir, kafkaPort, postgresPort, servicePorts, readinessTimeout, historyMonths);
    }

    public Options withServicePort(Service service, int port) {
        var ports = new HashMap<>(servicePorts);
        ports.put(service, port);
        return new Options(dataDir, servicesDir, kafkaPort, postgresPort, ports, readinessTimeout, historyMonths);
    }

    public Options withReadinessTimeout(Duration readinessTimeout) {
        return new Options(
                dataDir, servicesDir, kafkaPort, postgresPort, servicePorts, readinessTimeout, historyMonths);
    }

    public Options withHistoryMonths(int historyMonths) {
        return new Options(
                dataDir, servicesDir, kafkaPort, postgresPort, servicePorts, readinessTimeout, historyMonths);
    }

    /** Every port, infrastructure and services alike, picked free at start: several stacks can run side by side. */
    public Options withFreePorts() {
        var ports = new EnumMap<Service, Integer>(Service.class);
        for (var service : Service.values()) {
            ports.put(service, 0);
        }
        return new Options(dataDir, servicesDir, 0, 0, ports, readinessTimeout, historyMonths);
    }

    public int port(Service service) {
        return servicePorts.get(service);
    }

    public Optional<Path> explicitServicesDir() {
        return Optional.ofNullable(servicesDir);
    }

    private static Service serviceOfPortOption(String name) {
        if (name.endsWith("-port")) {
            var service = Service.ofModule(name.substring(0, name.length() - "-port".length()));
            if (service.isPresent()) {
                return service.get();
            }
        }
        throw new IllegalArgumentException("Unknown option: --" + name);
    }

    private static String requireValue(String name, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " needs a value");
        }
        return value;
    }

    private static int parsePort(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " expects a port number but got: " + value, e);
        }
    }

    private static int parseMonths(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " expects a number of months but got: " + value, e);
        }
    }

    private static void requirePort(String owner, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Not a port for " + owner + ": " + port);
        }
    }

    private static void requireDistinctPorts(int kafkaPort, int postgresPort, Map<Service, Integer> servicePorts) {
        var owners = new HashMap<Integer, String>();
        claim(owners, kafkaPort, "Kafka");
        claim(owners, postgresPort, "PostgreSQL");
        servicePorts.forEach((service, port) -> claim(owners, port, service.module()));
    }

    private static void claim(Map<Integer, String> owners, int port, String owner) {
        if (port == 0) {
            return;
        }
        var previous = owners.putIfAbsent(port, owner);
        if (previous != null) {
            throw new IllegalArgumentException(previous + " and " + owner + " cannot both use port " + port);
        }
    }
}
