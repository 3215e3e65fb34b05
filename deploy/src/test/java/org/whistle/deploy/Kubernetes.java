package org.whistle.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Kubernetes manifests: rendered by {@code kubectl kustomize}, or read as written from the base's files. */
final class Kubernetes {

    private static final Path KUBECTL = findKubectl();

    final String origin;
    final List<Map<String, Object>> documents;

    private Kubernetes(String origin, List<Map<String, Object>> documents) {
        this.origin = origin;
        this.documents = documents;
    }

    static Optional<Path> kubectl() {
        return Optional.ofNullable(KUBECTL);
    }

    private static Path findKubectl() {
        var path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (var dir : path.split(java.io.File.pathSeparator)) {
            var candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** {@code kubectl kustomize <dir>}: fails the calling test when kustomize refuses the manifests. */
    static Kubernetes render(String kustomization) {
        var kubectl = kubectl().orElseThrow();
        try {
            var output = Files.createTempFile("kustomize", ".yaml");
            var errors = Files.createTempFile("kustomize", ".err");
            try {
                var process = new ProcessBuilder(
                                kubectl.toString(),
                                "kustomize",
                                Repository.path(kustomization).toString())
                        .redirectOutput(output.toFile())
                        .redirectError(errors.toFile())
                        .start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("kubectl kustomize " + kustomization + " did not finish in 120 s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + kustomization + " failed: "
                            + Files.readString(errors, StandardCharsets.UTF_8));
                }
                return new Kubernetes(
                        "kubectl kustomize " + kustomization,
                        Repository.documents(Files.readString(output, StandardCharsets.UTF_8)));
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every manifest file under the given directories, unrendered: what can be checked without kubectl. */
    static Kubernetes files(String... dirs) {
        var documents = new ArrayList<Map<String, Object>>();
        for (var dir : dirs) {
            try (Stream<Path> walk = Files.walk(Repository.path(dir))) {
                for (var file : walk.filter(p -> p.toString().endsWith(".yaml"))
                        .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
                        .sorted()
                        .toList()) {
                    documents.addAll(Repository.documents(Repository.read(file)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Kubernetes("the manifests in " + String.join(", ", dirs), documents);
    }

    List<Map<String, Object>> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    static String name(Map<String, Object> document) {
        return Yamls.string(document, "metadata.name");
    }

    static Map<String, Object> podSpec(Map<String, Object> workload) {
        var spec = Yamls.map(workload.get("spec"));
        return "CronJob".equals(workload.get("kind"))
                ? Yamls.map(Yamls.at(spec, "jobTemplate.spec.template.spec"))
                : Yamls.map(Yamls.at(spec, "template.spec"));
    }

    List<Map<String, Object>> workloads() {
        return documents.stream()
                .filter(d -> List.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob")
                        .contains(d.get("kind")))
                .toList();
    }

    /** The workloads running a Whistle image ({@code whistle/<module>}, under any registry). */
    List<Workload> whistleServices() {
        var services = new ArrayList<Workload>();
        for (var workload : workloads()) {
            for (var container : Yamls.maps(podSpec(workload).get("containers"))) {
                var image = String.valueOf(container.get("image"));
                var path = image.replaceAll(":[^/]*$", "");
                if (!(path.startsWith("whistle/") || path.contains("/whistle/"))) {
                    continue;
                }
                var environment = new LinkedHashMap<String, String>();
                for (var variable : Yamls.maps(container.get("env"))) {
                    var value = variable.get("value");
                    environment.put(String.valueOf(variable.get("name")), value == null ? null : String.valueOf(value));
                }
                if (container.get("envFrom") != null) {
                    throw new IllegalStateException(origin + ": " + name(workload)
                            + " takes variables wholesale (envFrom); name each one so it can be checked");
                }
                var ports = new HashSet<Integer>();
                var named = new LinkedHashMap<String, Integer>();
                for (var port : Yamls.maps(container.get("ports"))) {
                    int number = ((Number) port.get("containerPort")).intValue();
                    ports.add(number);
                    if (port.get("name") != null) {
                        named.put(String.valueOf(port.get("name")), number);
                    }
                }
                for (var probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    var port = Yamls.at(Yamls.map(container.get(probe)), "httpGet.port");
                    if (port instanceof Number number) {
                        ports.add(number.intValue());
                    } else if (port != null && !named.containsKey(String.valueOf(port))) {
                        throw new IllegalStateException(
                                origin + ": " + name(workload) + " probes unknown port " + port);
                    }
                }
                if (environment.get("SERVER_PORT") != null) {
                    ports.add(Integer.parseInt(environment.get("SERVER_PORT")));
                }
                if (environment.get("MANAGEMENT_SERVER_PORT") != null) {
                    ports.add(Integer.parseInt(environment.get("MANAGEMENT_SERVER_PORT")));
                }
                services.add(new Workload(
                        origin + ": " + workload.get("kind") + " " + name(workload),
                        name(workload),
                        path.substring(path.lastIndexOf('/') + 1),
                        environment,
                        ports));
            }
        }
        return services;
    }
}
