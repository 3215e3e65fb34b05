package org.whistle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.whistle.localstack.LocalStackEnvironment;

/**
 * The production overlay renders, and what it renders is wired together: references to ConfigMaps and Secrets
 * resolve, every service has probes on Actuator, resources and a disruption budget, stateless services scale, and
 * only the gateway is reachable from outside.
 */
class KubernetesManifestsTest {

    private static final Pattern SECRET_GENERATOR = Pattern.compile("- name: ([a-z0-9-]+)\\s+envs: \\[([a-z0-9.-]+)]");

    private static Kubernetes production;

    @BeforeAll
    static void render() {
        Assumptions.assumeTrue(
                Kubernetes.kubectl().isPresent(),
                "kubectl is not on the PATH: `kubectl kustomize deploy/overlays/production` cannot be checked here");
        production = Kubernetes.render("deploy/overlays/production");
    }

    @Test
    void rendersTheProductionOverlay() {
        var kinds = new HashSet<String>();
        production.documents.forEach(d -> kinds.add(String.valueOf(d.get("kind"))));
        assertThat(kinds)
                .contains(
                        "Deployment",
                        "StatefulSet",
                        "Service",
                        "HorizontalPodAutoscaler",
                        "PodDisruptionBudget",
                        "NetworkPolicy",
                        "Job",
                        "Ingress",
                        "ServiceMonitor",
                        "PrometheusRule");
        assertThat(production.documents)
                .allSatisfy(d -> assertThat(Yamls.string(d, "metadata.namespace"))
                        .as("namespace of %s %s", d.get("kind"), Kubernetes.name(d))
                        .isIn("whistle", null));
    }

    @Test
    void resolvesEveryConfigMapAndSecretReference() {
        var configMaps = new HashMap<String, Set<String>>();
        production
                .ofKind("ConfigMap")
                .forEach(c -> configMaps.put(
                        Kubernetes.name(c), Yamls.map(c.get("data")).keySet()));
        var secrets = secretsFromExamples();
        var problems = new ArrayList<String>();
        for (var workload : production.workloads()) {
            var pod = Kubernetes.podSpec(workload);
            for (var container : Yamls.maps(pod.get("containers"))) {
                for (var variable : Yamls.maps(container.get("env"))) {
                    var configMap = Yamls.map(Yamls.at(variable, "valueFrom.configMapKeyRef"));
                    var secret = Yamls.map(Yamls.at(variable, "valueFrom.secretKeyRef"));
                    if (!configMap.isEmpty()
                            && !configMaps
                                    .getOrDefault(configMap.get("name"), Set.of())
                                    .contains(configMap.get("key"))) {
                        problems.add(Kubernetes.name(workload) + " reads missing ConfigMap key " + configMap);
                    }
                    if (!secret.isEmpty()
                            && !secrets.getOrDefault(secret.get("name"), Set.of())
                                    .contains(secret.get("key"))) {
                        problems.add(Kubernetes.name(workload) + " reads a Secret key deploy/secrets does not make: "
                                + secret);
                    }
                }
            }
            for (var volume : Yamls.maps(pod.get("volumes"))) {
                var configMap = Yamls.string(volume, "configMap.name");
                if (configMap != null && !configMaps.containsKey(configMap)) {
                    problems.add(Kubernetes.name(workload) + " mounts missing ConfigMap " + configMap);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Secret name → keys, from deploy/secrets' generators and their example files. */
    private static Map<String, Set<String>> secretsFromExamples() {
        var kustomization = Repository.read(Repository.path("deploy/secrets/kustomization.yaml"));
        var secrets = new HashMap<String, Set<String>>();
        var generator = SECRET_GENERATOR.matcher(kustomization);
        while (generator.find()) {
            var keys = new HashSet<String>();
            for (var line : Repository.read(Repository.path("deploy/secrets/" + generator.group(2) + ".example"))
                    .split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    keys.add(line.substring(0, line.indexOf('=')));
                }
            }
            secrets.put(generator.group(1), keys);
        }
        assertThat(secrets).isNotEmpty();
        return secrets;
    }

    @Test
    void givesEveryServiceActuatorProbesResourcesAndANonRootUser() {
        var checked = 0;
        for (var workload : production.workloads()) {
            var pod = Kubernetes.podSpec(workload);
            for (var container : Yamls.maps(pod.get("containers"))) {
                if (!String.valueOf(container.get("image")).contains("/whistle/")) {
                    continue;
                }
                checked++;
                var name = Kubernetes.name(workload);
                assertThat(Yamls.string(container, "readinessProbe.httpGet.path"))
                        .as(name)
                        .isEqualTo("/actuator/health/readiness");
                assertThat(Yamls.string(container, "livenessProbe.httpGet.path"))
                        .as(name)
                        .isEqualTo("/actuator/health/liveness");
                assertThat(Yamls.map(Yamls.at(container, "resources.requests")))
                        .as(name)
                        .containsKeys("cpu", "memory");
                assertThat(Yamls.map(Yamls.at(container, "resources.limits")))
                        .as(name)
                        .containsKey("memory");
                assertThat(Yamls.at(pod, "securityContext.runAsNonRoot"))
                        .as(name)
                        .isEqualTo(true);
            }
        }
        assertThat(checked).isEqualTo(ServiceCatalogue.read().services().size());
    }

    @Test
    void probesAndScrapesAServiceWithAManagementPortThereAndNeverOnItsPublicPort() {
        var separate = ServiceCatalogue.read().services().values().stream()
                .filter(ServiceCatalogue.Service::separateManagementPort)
                .toList();
        assertThat(separate).extracting(ServiceCatalogue.Service::module).contains("gateway");
        for (var service : separate) {
            var module = service.module();
            var deployment = production.ofKind("Deployment").stream()
                    .filter(d -> module.equals(Kubernetes.name(d)))
                    .findFirst()
                    .orElseThrow();
            var container =
                    Yamls.maps(Kubernetes.podSpec(deployment).get("containers")).getFirst();
            var named = new HashMap<String, Integer>();
            Yamls.maps(container.get("ports"))
                    .forEach(port -> named.put(
                            String.valueOf(port.get("name")), ((Number) port.get("containerPort")).intValue()));
            for (var probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                var port = String.valueOf(Yamls.at(Yamls.map(container.get(probe)), "httpGet.port"));
                assertThat(named.get(port)).as(module + " " + probe).isEqualTo(service.managementPort());
            }
            for (var exposed : production.ofKind("Service")) {
                if (!module.equals(Yamls.map(Yamls.at(exposed, "spec.selector")).get("app.kubernetes.io/name"))) {
                    continue;
                }
                var scraped = Yamls.map(Yamls.at(exposed, "metadata.labels")).containsKey("whistle.org/job");
                for (var port : Yamls.maps(Yamls.at(exposed, "spec.ports"))) {
                    var target = named.getOrDefault(String.valueOf(port.get("targetPort")), -1);
                    if (scraped) {
                        assertThat(target)
                                .as(Kubernetes.name(exposed) + " is scraped, so it offers the management port only")
                                .isEqualTo(service.managementPort());
                    }
                }
            }
            for (var policy : production.ofKind("NetworkPolicy")) {
                var selects = module.equals(Yamls.map(Yamls.at(policy, "spec.podSelector.matchLabels"))
                        .get("app.kubernetes.io/name"));
                for (var rule : Yamls.maps(Yamls.at(policy, "spec.ingress"))) {
                    if (selects && rule.get("from") == null) {
                        assertThat(Yamls.maps(rule.get("ports")))
                                .as(Kubernetes.name(policy) + " lets anyone in, but not to the management port")
                                .noneMatch(port ->
                                        named.get(String.valueOf(port.get("port"))) == service.managementPort());
                    }
                }
            }
        }
    }

    @Test
    void scalesStatelessServicesAndBudgetsDisruptionsForAll() {
        var autoscaled = new HashSet<String>();
        production
                .ofKind("HorizontalPodAutoscaler")
                .forEach(h -> autoscaled.add(Yamls.string(h, "spec.scaleTargetRef.name")));
        var budgeted = new HashSet<String>();
        production
                .ofKind("PodDisruptionBudget")
                .forEach(p -> budgeted.add(appName(Yamls.at(p, "spec.selector.matchLabels"))));
        assertThat(autoscaled)
                .containsExactlyInAnyOrder(
                        "gateway", "org-registry-service", "intake-service", "dispatch-service", "members-service");
        for (var workload : production.workloads()) {
            if (List.of("Deployment", "StatefulSet").contains(workload.get("kind"))
                    && !Kubernetes.name(workload).equals("postgres")
                    // The exporters: one replica each, whose brief absence loses a few scrapes and nothing else.
                    && !Kubernetes.name(workload).endsWith("-exporter")) {
                assertThat(budgeted)
                        .as("budget for " + Kubernetes.name(workload))
                        .contains(Kubernetes.name(workload));
            }
        }
        var sla = production.ofKind("StatefulSet").stream()
                .filter(s -> Kubernetes.name(s).equals("sla-service"))
                .findFirst()
                .orElseThrow();
        assertThat(Yamls.maps(Yamls.at(sla, "spec.volumeClaimTemplates")))
                .singleElement()
                .satisfies(claim ->
                        assertThat(Yamls.string(claim, "metadata.name")).isEqualTo("state"));
    }

    @Test
    void letsOnlyTheGatewayBeReachedFromOutside() {
        var policies = production.ofKind("NetworkPolicy");
        assertThat(policies).anySatisfy(p -> {
            assertThat(Yamls.map(Yamls.at(p, "spec.podSelector"))).isEmpty();
            assertThat(Yamls.at(p, "spec.ingress")).isNull();
        });
        var open = new ArrayList<String>();
        for (var policy : policies) {
            for (var rule : Yamls.maps(Yamls.at(policy, "spec.ingress"))) {
                if (rule.get("from") == null) {
                    open.add(appName(Yamls.at(policy, "spec.podSelector.matchLabels")));
                }
            }
        }
        assertThat(open).containsExactly("gateway");
    }

    @Test
    void letsNotificationCallOutOnlyToItsDependenciesAndPublicHttps() {
        var egress = production.ofKind("NetworkPolicy").stream()
                .filter(p -> String.valueOf(Yamls.at(p, "spec.policyTypes")).contains("Egress"))
                .filter(p ->
                        appName(Yamls.at(p, "spec.podSelector.matchLabels")).equals("notification-service"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no egress policy for notification-service"));
        var inside = new HashSet<String>();
        var outside = new ArrayList<Map<String, Object>>();
        for (var rule : Yamls.maps(Yamls.at(egress, "spec.egress"))) {
            assertThat(rule.get("to")).as("an egress rule open to everywhere").isNotNull();
            for (var peer : Yamls.maps(rule.get("to"))) {
                if (peer.get("ipBlock") != null) {
                    outside.add(Yamls.map(peer.get("ipBlock")));
                    assertThat(Yamls.maps(rule.get("ports")))
                            .singleElement()
                            .satisfies(port ->
                                    assertThat(String.valueOf(port.get("port"))).isEqualTo("443"));
                } else {
                    var labels = Yamls.map(Yamls.at(peer, "podSelector.matchLabels"));
                    inside.add(String.valueOf(labels.getOrDefault("app.kubernetes.io/name", labels.get("k8s-app"))));
                }
            }
        }
        assertThat(inside)
                .containsExactlyInAnyOrder("kube-dns", "kafka", "postgres", "intake-service", "org-registry-service");
        assertThat(outside)
                .anySatisfy(block -> {
                    assertThat(block.get("cidr")).isEqualTo("0.0.0.0/0");
                    assertThat(Yamls.list(block.get("except")))
                            .contains(
                                    "10.0.0.0/8",
                                    "172.16.0.0/12",
                                    "192.168.0.0/16",
                                    "127.0.0.0/8",
                                    "169.254.0.0/16",
                                    "100.64.0.0/10",
                                    "224.0.0.0/4");
                })
                .anySatisfy(block -> {
                    assertThat(block.get("cidr")).isEqualTo("::/0");
                    assertThat(Yamls.list(block.get("except"))).contains("fc00::/7", "fe80::/10", "::ffff:0:0/96");
                });
    }

    @Test
    void createsEveryServiceDatabaseAndReplicatesTopicsAcrossTheBrokers() {
        var postgres = container("StatefulSet", "postgres");
        assertThat(Set.of(env(postgres, "WHISTLE_DATABASES").split(" ")))
                .containsExactlyInAnyOrderElementsOf(
                        LocalStackEnvironment.databasesByModule().values());
        var kafka = production.ofKind("StatefulSet").stream()
                .filter(s -> Kubernetes.name(s).equals("kafka"))
                .findFirst()
                .orElseThrow();
        int brokers = ((Number) Yamls.at(kafka, "spec.replicas")).intValue();
        var voters = env(container("StatefulSet", "kafka"), "KAFKA_CONTROLLER_QUORUM_VOTERS")
                .split(",");
        assertThat(voters).hasSize(brokers);
        assertThat(Integer.parseInt(env(container("Job", "whistle-topics"), "REPLICATION")))
                .isEqualTo(brokers);
    }

    private static String appName(Object labels) {
        return String.valueOf(Yamls.map(labels).get("app.kubernetes.io/name"));
    }

    private static Map<String, Object> container(String kind, String name) {
        var workload = production.ofKind(kind).stream()
                .filter(w -> Kubernetes.name(w).equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
        return Yamls.maps(Kubernetes.podSpec(workload).get("containers")).getFirst();
    }

    private static String env(Map<String, Object> container, String variable) {
        return Yamls.maps(container.get("env")).stream()
                .filter(e -> variable.equals(e.get("name")))
                .map(e -> String.valueOf(e.get("value")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + variable));
    }
}
