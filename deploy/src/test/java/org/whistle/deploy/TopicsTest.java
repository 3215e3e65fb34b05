package org.whistle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.whistle.events.TopicDefinition;
import org.whistle.events.Topics;

/** Compose and Kubernetes create topics with one script, and its table is the events module's catalogue. */
class TopicsTest {

    @Test
    void scriptCreatesExactlyTheCataloguesTopics() {
        var expected = new LinkedHashMap<String, TopicsScript.Row>();
        for (TopicDefinition topic : Topics.all()) {
            var configs = new TreeMap<>(topic.configs((short) 1));
            // The script derives it from REPLICATION, as TopicDefinition does from the replication it is given.
            configs.remove("min.insync.replicas");
            expected.put(topic.name(), new TopicsScript.Row(topic.partitions(), configs));
        }
        assertThat(TopicsScript.rows()).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void scriptDerivesMinInSyncReplicasAsTheCatalogueDoes() {
        var script = Repository.read(Repository.path(TopicsScript.PATH));
        assertThat(new TopicDefinition("t", 1, true, null).configs((short) 3))
                .containsEntry("min.insync.replicas", "2");
        assertThat(script).contains("MIN_INSYNC=$(( REPLICATION > 1 ? REPLICATION - 1 : 1 ))");
    }

    @Test
    void composeAndKubernetesRunTheSameScript() {
        var compose = Compose.read().services().get("topics");
        assertThat(Yamls.list(compose.get("volumes")))
                .anySatisfy(volume -> assertThat(String.valueOf(volume)).startsWith("./" + TopicsScript.PATH + ":"));
        var kustomization = Repository.read(Repository.path("deploy/base/kustomization.yaml"));
        assertThat(kustomization).contains("- kafka/create-topics.sh");
    }

    @Test
    void readsTheTableItChecks() {
        var rows = TopicsScript.rows("x <<'TOPICS'\na 2 cleanup.policy=compact\n# note\nb 1 retention.ms=5\nTOPICS\n");
        assertThat(rows).containsOnlyKeys("a", "b");
        assertThat(rows.get("b").configs()).containsEntry("retention.ms", "5");
    }
}
