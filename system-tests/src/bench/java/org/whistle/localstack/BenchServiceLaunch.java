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
        builder.command(withJvmOptions(builder.command(), productionJvmOptions(service)));
        builder.environment().putAll(extraEnvironment);
        builder.redirectOutput(Redirect.appendTo(log.toFile()));
        return builder;
    }

    /** The JVM options every service process starts with in the local stack (the laptop's). */
    public static List<String> localStackJvmOptions() {
        return ServiceLaunch.JVM_OPTIONS;
    }

    /**
     * The JVM options {@code service} runs with in the production deployment, for a machine that is not its
     * container: {@code JDK_JAVA_OPTIONS} of {@code deploy/docker/Dockerfile} (sla-service's own from
     * {@code deploy/base/services/sla-service.yaml}), the heap percentages taken of the container's memory limit in
     * {@code deploy/overlays/production/services.yaml} ({@code -XX:MaxRAM}, as the JVM reads the limit in the
     * container), and the collector the JVM's ergonomics pick in that container — the serial collector below
     * 1,792 MiB, G1 from there on, with the production overlay's two CPUs either way — named, because on this machine
     * the ergonomics would see all of its memory instead. The compiler is the full tiered one, as in production.
     */
    public static List<String> productionJvmOptions(Service service) {
        long limitMiB = switch (service) {
            case GATEWAY -> 768;
            case ORG_REGISTRY, NOTIFICATION -> 1024;
            case INTAKE, DISPATCH -> 1536;
            case SLA -> 3072;
            // Not in the production overlay's sizes: the base's limits.
            case EVALUATION, MEMBERS -> 768;
        };
        var options = new java.util.ArrayList<String>();
        options.add("-XX:MaxRAM=" + limitMiB + "m");
        if (service == Service.SLA) {
            // RocksDB's native memory needs the other half of the container.
            options.add("-XX:MaxRAMPercentage=50");
        } else {
            options.add("-XX:MaxRAMPercentage=75");
            options.add("-XX:InitialRAMPercentage=25");
        }
        options.add(limitMiB < SERVER_CLASS_MIB ? "-XX:+UseSerialGC" : "-XX:+UseG1GC");
        options.add("-XX:ActiveProcessorCount=2");
        options.add("-XX:+ExitOnOutOfMemoryError");
        options.add("-Dstdout.encoding=UTF-8");
        options.add("-Dstderr.encoding=UTF-8");
        return List.copyOf(options);
    }

    /**
     * The options of the Flowable baseline: exactly those of dispatch-service, the Whistle service doing the work
     * Flowable's engine does (the same container size, heap, collector and compiler).
     */
    public static List<String> flowableJvmOptions() {
        return productionJvmOptions(Service.DISPATCH);
    }

    /** Every Whistle service's production options, as the report states them. */
    public static String describeProductionJvmOptions() {
        var lines = new java.util.ArrayList<String>();
        for (var service : Service.values()) {
            lines.add(service.module() + ": `" + String.join(" ", productionJvmOptions(service)) + "`");
        }
        return String.join("; ", lines);
    }

    /** The memory from which HotSpot treats a machine (a container) as a server and picks G1 (2 GiB − 256 MiB). */
    private static final long SERVER_CLASS_MIB = 1792;

    /** A service's command line with the local stack's JVM options replaced by {@code options}. */
    static List<String> withJvmOptions(List<String> launched, List<String> options) {
        var command = new java.util.ArrayList<>(launched);
        int first = command.indexOf(ServiceLaunch.JVM_OPTIONS.getFirst());
        if (first < 0
                || !command.subList(first, first + ServiceLaunch.JVM_OPTIONS.size())
                        .equals(ServiceLaunch.JVM_OPTIONS)) {
            throw new IllegalStateException("the local stack's command line changed: " + command);
        }
        command.subList(first, first + ServiceLaunch.JVM_OPTIONS.size()).clear();
        command.addAll(first, options);
        return command;
    }
}
