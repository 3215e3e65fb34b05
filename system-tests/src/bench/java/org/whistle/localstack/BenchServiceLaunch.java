package org.whistle.localstack;

import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Bench only (system-tests' {@code src/bench}, never shipped): the process builder the local stack would start a
 * service with — the same command line, JVM options and environment as {@link LocalStack} gives it — for a benchmark
 * harness that starts Kafka and PostgreSQL as processes of their own and kills and restarts single services. It sits in
 * the launcher's package so that the launch stays written once, in {@link ServiceLaunch}; nothing in the launcher
 * changes.
 */
public final class BenchServiceLaunch {

    private BenchServiceLaunch() {}

    /**
     * The launch of {@code service} as the local stack makes it, plus {@code extraEnvironment} (which wins over the
     * launcher's values), writing to {@code log} (appended, so a restart keeps what the killed process wrote).
     *
     * @param ports where each service listens, as the gateway and the services are told (the gateway's routes)
     * @param jdbcUrls the JDBC URL of each service database, by database name
     */
    public static ProcessBuilder processBuilder(
            Service service,
            Path java,
            Path dataDir,
            Path servicesDir,
            Map<Service, Integer> ports,
            String kafkaBootstrapServers,
            Map<String, String> jdbcUrls,
            String databaseUsername,
            String databasePassword,
            Map<String, String> extraEnvironment,
            Path log) {
        var demoDir = DemoCity.unpack(dataDir.resolve(LocalStack.DEMO_DIR));
        var secrets = StackSecrets.in(dataDir.resolve(LocalStack.SECRETS_DIR));
        var publicUrl = "http://127.0.0.1:" + ports.get(Service.GATEWAY);
        var infrastructure = new Infrastructure(kafkaBootstrapServers, jdbcUrls, databaseUsername, databasePassword);
        var launch = ServiceLaunch.of(
                service,
                java,
                servicesDir,
                ports,
                infrastructure,
                demoDir,
                secrets,
                publicUrl,
                dataDir.resolve(LocalStack.LOGS_DIR));
        var builder = launch.processBuilder(dataDir);
        builder.environment().putAll(extraEnvironment);
        builder.redirectOutput(Redirect.appendTo(log.toFile()));
        return builder;
    }

    /** The JVM options every service process starts with in the local stack. */
    public static List<String> jvmOptions() {
        return ServiceLaunch.JVM_OPTIONS;
    }
}
