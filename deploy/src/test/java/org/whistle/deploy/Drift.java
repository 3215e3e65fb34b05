package org.whistle.deploy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.whistle.localstack.LocalStackEnvironment;

/** The checks that a deployment's services, ports and variables are the code's; each returns what is wrong. */
final class Drift {

    /** Variables no service reads but the image does, with the reason they may be set. */
    static final Map<String, String> IMAGE_VARIABLES =
            Map.of("JDK_JAVA_OPTIONS", "the java launcher of deploy/docker/Dockerfile reads it");

    private static final Pattern SERVICE_URI = Pattern.compile("https?://([a-z0-9-]+):(\\d+)");
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://[^/]+/([A-Za-z0-9_]+)");
    private static final Pattern EXPANSION = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private Drift() {}

    /** Every service module is deployed once, and everything deployed from a Whistle image is a service module. */
    static List<String> services(ServiceCatalogue code, List<Workload> workloads, String deployment) {
        var problems = new ArrayList<String>();
        var deployed = new TreeSet<String>();
        for (var workload : workloads) {
            if (!code.services().containsKey(workload.image())) {
                problems.add(workload + " runs image " + workload.image() + ", which is no service module of "
                        + code.services().keySet());
            } else if (!workload.name().equals(workload.image())) {
                problems.add(workload + " runs " + workload.image() + " under another name: other services reach it"
                        + " by its module name");
            }
            if (!deployed.add(workload.image())) {
                problems.add(deployment + " runs " + workload.image() + " twice");
            }
        }
        var missing = new TreeSet<>(code.services().keySet());
        missing.removeAll(deployed);
        if (!missing.isEmpty()) {
            problems.add(deployment + " does not run " + missing);
        }
        return problems;
    }

    /** Each variable is one the service reads, one the image reads, or one only expanded into another. */
    static List<String> variables(ServiceCatalogue code, List<Workload> workloads) {
        var problems = new ArrayList<String>();
        for (var workload : known(code, workloads)) {
            var service = code.service(workload.image());
            var expanded = new LinkedHashSet<String>();
            workload.environment().values().stream()
                    .filter(value -> value != null)
                    .forEach(value -> EXPANSION.matcher(value).results().forEach(m -> expanded.add(m.group(1))));
            for (var variable : workload.environment().keySet()) {
                if (!service.reads(variable)
                        && !IMAGE_VARIABLES.containsKey(variable)
                        && !expanded.contains(variable)) {
                    problems.add(workload + " sets " + variable + ", which " + service.module()
                            + " does not read (no ${" + variable + "} placeholder and no property of that name)");
                }
            }
        }
        return problems;
    }

    /** The service listens on its own port only, and addresses of other services carry their ports. */
    static List<String> ports(ServiceCatalogue code, List<Workload> workloads) {
        var problems = new ArrayList<String>();
        for (var workload : known(code, workloads)) {
            var service = code.service(workload.image());
            var listens = new java.util.HashSet<>(List.of(service.port(), service.managementPort()));
            if (!workload.ports().equals(listens)) {
                problems.add(workload + " uses ports " + new TreeSet<>(workload.ports()) + "; " + service.module()
                        + " listens on " + new TreeSet<>(listens) + " (server.port, management.server.port)");
            }
            workload.environment().forEach((variable, value) -> {
                if (value == null) {
                    return;
                }
                var uri = SERVICE_URI.matcher(value);
                while (uri.find()) {
                    var target = code.services().get(uri.group(1));
                    if (target != null && target.port() != Integer.parseInt(uri.group(2))) {
                        problems.add(workload + " sets " + variable + "=" + value + ", but " + target.module()
                                + " listens on " + target.port());
                    }
                }
            });
        }
        return problems;
    }

    /** Each DATABASE_URL names the database the service owns (local-stack's catalogue of services). */
    static List<String> databases(ServiceCatalogue code, List<Workload> workloads) {
        var problems = new ArrayList<String>();
        var owned = LocalStackEnvironment.databasesByModule();
        for (var workload : known(code, workloads)) {
            var url = workload.environment().get("DATABASE_URL");
            var expected = owned.get(workload.image());
            if (url == null) {
                if (expected != null && workload.environment().containsKey("DATABASE_URL")) {
                    continue;
                }
                if (expected != null) {
                    problems.add(workload + " has no DATABASE_URL; " + workload.image() + " owns " + expected);
                }
                continue;
            }
            var jdbc = JDBC_URL.matcher(url);
            if (!jdbc.find() || !jdbc.group(1).equals(expected)) {
                problems.add(workload + " connects to " + url + "; " + workload.image() + " owns "
                        + (expected == null ? "no database" : expected));
            }
        }
        return problems;
    }

    /**
     * What the local stack gives a service, the deployment gives it too, but for the named local-only ones ({@code
     * VARIABLE} for every service, {@code module VARIABLE} for one).
     */
    static List<String> localStackCoverage(
            ServiceCatalogue code, List<Workload> workloads, Map<String, String> localOnly) {
        var problems = new ArrayList<String>();
        var local = LocalStackEnvironment.byModule();
        for (var workload : known(code, workloads)) {
            for (var variable : local.getOrDefault(workload.image(), Map.of()).keySet()) {
                if (!workload.environment().containsKey(variable)
                        && !localOnly.containsKey(variable)
                        && !localOnly.containsKey(workload.image() + " " + variable)) {
                    problems.add(workload + " lacks " + variable + ", which the local stack gives " + workload.image());
                }
            }
        }
        return problems;
    }

    private static List<Workload> known(ServiceCatalogue code, List<Workload> workloads) {
        return workloads.stream()
                .filter(w -> code.services().containsKey(w.image()))
                .toList();
    }
}
