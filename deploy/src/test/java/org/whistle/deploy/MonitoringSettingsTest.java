package org.whistle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The label a kube-prometheus-stack Prometheus selects monitoring resources by, and the namespace it scrapes from, are
 * settings ({@code deploy/observability/settings.yaml}): every ServiceMonitor, PodMonitor and PrometheusRule carries
 * the label, every NetworkPolicy that lets monitoring in names the namespace, in both production overlays.
 */
class MonitoringSettingsTest {

    private static Map<String, Object> settings;

    @BeforeAll
    static void readTheSettings() {
        Assumptions.assumeTrue(Kubernetes.kubectl().isPresent(), "kubectl is not on the PATH");
        settings = Yamls.map(Repository.document(Repository.path("deploy/observability/settings.yaml"))
                .get("data"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/overlays/production", "deploy/overlays/production-operators"})
    void everyMonitoringResourceAndPolicyFollowsTheSettings(String overlay) {
        var rendered = Kubernetes.render(overlay);
        var monitoring = rendered.documents.stream()
                .filter(d -> String.valueOf(d.get("apiVersion")).startsWith("monitoring.coreos.com/"))
                .toList();
        assertThat(monitoring).isNotEmpty();
        assertThat(monitoring)
                .allSatisfy(resource -> assertThat(Yamls.string(resource, "metadata.labels.release"))
                        .as(resource.get("kind") + " " + Kubernetes.name(resource))
                        .isEqualTo(settings.get("prometheus-release")));

        var namespaces = new ArrayList<String>();
        for (var policy : rendered.ofKind("NetworkPolicy")) {
            for (var rule : Yamls.maps(Yamls.at(policy, "spec.ingress"))) {
                for (var peer : Yamls.maps(rule.get("from"))) {
                    var labels = Yamls.map(Yamls.at(peer, "namespaceSelector.matchLabels"));
                    var name = labels.get("kubernetes.io/metadata.name");
                    if (name != null && !List.of("cnpg-system").contains(name)) {
                        namespaces.add(Kubernetes.name(policy) + " " + name);
                    }
                }
            }
        }
        assertThat(namespaces)
                .isNotEmpty()
                .allSatisfy(entry -> assertThat(entry).endsWith(" " + settings.get("monitoring-namespace")));
        assertThat(rendered.ofKind("ConfigMap").stream().map(Kubernetes::name))
                .as("the settings are kustomize's, not the cluster's")
                .doesNotContain("whistle-monitoring-settings");
    }
}
