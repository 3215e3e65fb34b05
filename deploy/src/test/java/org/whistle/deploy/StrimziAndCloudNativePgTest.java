package org.whistle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.whistle.events.TopicDefinition;
import org.whistle.events.Topics;
import org.yaml.snakeyaml.Yaml;

/**
 * The production overlay with the operators ({@code deploy/overlays/production-operators}) as {@code kubectl
 * kustomize} renders it: Strimzi's and CloudNativePG's resources are valid against their CRDs, the topics are the
 * catalogue's, every Kafka client has its own user whose ACLs name only the platform's topics and the code's groups,
 * and every service with a database has its database, its role and that role's password.
 */
class StrimziAndCloudNativePgTest {

    private static final String OVERLAY = "deploy/overlays/production-operators";
    private static final Pattern DATABASE = Pattern.compile("jdbc:postgresql://postgres:5432/([a-z_]+)");
    private static final CustomResourceSchemas SCHEMAS = new CustomResourceSchemas();

    private static Kubernetes operators;

    @BeforeAll
    static void render() {
        Assumptions.assumeTrue(
                Kubernetes.kubectl().isPresent(),
                "kubectl is not on the PATH: `kubectl kustomize " + OVERLAY + "` cannot be checked here");
        operators = Kubernetes.render(OVERLAY);
    }

    @Test
    void everyOperatorResourceIsValidAgainstItsCustomResourceDefinition() {
        var checked = new TreeSet<String>();
        var problems = new ArrayList<String>();
        for (var document : operators.documents) {
            if (SCHEMAS.declares(document)) {
                checked.add(String.valueOf(document.get("kind")));
                SCHEMAS.problems(document)
                        .forEach(problem ->
                                problems.add(document.get("kind") + " " + Kubernetes.name(document) + " " + problem));
            }
        }
        assertThat(checked)
                .containsExactlyInAnyOrder(
                        "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster", "Database", "ScheduledBackup");
        assertThat(problems).isEmpty();
    }

    @Test
    void theSchemasRefuseWhatTheApiServerWould() {
        var user = deepCopy(operators.ofKind("KafkaUser").getFirst());
        Yamls.map(Yamls.at(user, "spec.authorization")).put("type", "acl");
        Yamls.map(user.get("spec")).put("authentification", Map.of("type", "scram-sha-512"));
        assertThat(SCHEMAS.problems(user))
                .anySatisfy(problem -> assertThat(problem).contains("/spec/authorization/type"))
                .anySatisfy(problem -> assertThat(problem).contains("authentification"));

        var cluster = deepCopy(operators.ofKind("Cluster").getFirst());
        cluster.put("apiVersion", "postgresql.cnpg.io/v1beta1");
        assertThat(SCHEMAS.problems(cluster))
                .containsExactly("Cluster postgresql.cnpg.io/v1beta1 is not a served version");
    }

    @Test
    void replacesThePlainDataTierWithTheOperators() {
        assertThat(operators.workloads().stream().map(Kubernetes::name))
                .doesNotContain("kafka", "postgres", "whistle-topics", "kafka-exporter", "postgres-exporter");
        var kafka = operators.ofKind("Kafka").getFirst();
        assertThat(Yamls.maps(Yamls.at(kafka, "spec.kafka.listeners")))
                .as("every listener is TLS with SCRAM")
                .allSatisfy(listener -> {
                    assertThat(listener.get("tls")).isEqualTo(true);
                    assertThat(Yamls.string(listener, "authentication.type")).isEqualTo("scram-sha-512");
                });
        assertThat(Yamls.string(kafka, "spec.kafka.authorization.type")).isEqualTo("simple");
        var roles = new TreeMap<String, Integer>();
        for (var pool : operators.ofKind("KafkaNodePool")) {
            for (var role : Yamls.list(Yamls.at(pool, "spec.roles"))) {
                roles.merge(String.valueOf(role), ((Number) Yamls.at(pool, "spec.replicas")).intValue(), Integer::sum);
            }
        }
        assertThat(roles).containsEntry("controller", 3).containsEntry("broker", 3);
        assertThat(Yamls.string(config(), "data.kafka-bootstrap-servers")).isEqualTo("whistle-kafka-bootstrap:9093");
    }

    @Test
    void createsExactlyTheCataloguesTopicsReplicatedAcrossTheBrokers() {
        var expected = new TreeMap<String, Map<String, Object>>();
        for (TopicDefinition topic : Topics.all()) {
            expected.put(
                    topic.name(),
                    Map.of(
                            "partitions",
                            topic.partitions(),
                            "replicas",
                            (int) TopicDefinition.PRODUCTION_REPLICATION,
                            "config",
                            new TreeMap<>(topic.configs(TopicDefinition.PRODUCTION_REPLICATION))));
        }
        var rendered = new TreeMap<String, Map<String, Object>>();
        for (var topic : operators.ofKind("KafkaTopic")) {
            var spec = Yamls.map(topic.get("spec"));
            var config = new TreeMap<String, Object>();
            Yamls.map(spec.get("config")).forEach((key, value) -> config.put(key, String.valueOf(value)));
            rendered.put(
                    String.valueOf(spec.get("topicName")),
                    Map.of("partitions", spec.get("partitions"), "replicas", spec.get("replicas"), "config", config));
        }
        assertThat(rendered).isEqualTo(expected);
    }

    @Test
    void givesEveryKafkaClientItsOwnUserWithAclsOnlyForThePlatformsTopicsAndTheCodesGroups() {
        var users = new HashMap<String, Map<String, Object>>();
        operators.ofKind("KafkaUser").forEach(user -> users.put(Kubernetes.name(user), user));
        var topics = new TreeSet<String>();
        Topics.all().forEach(topic -> topics.add(topic.name()));
        var groups = CodeFacts.consumerGroups();
        var clients = new TreeSet<String>();
        for (var workload : operators.workloads()) {
            var labels = Yamls.map(Yamls.at(Yamls.map(workload.get("spec")), "template.metadata.labels"));
            if (!"true".equals(String.valueOf(labels.get("whistle.org/kafka-client")))) {
                continue;
            }
            var name = Kubernetes.name(workload);
            clients.add(name);
            assertThat(users).as("the KafkaUser of " + name + " (kafka/users)").containsKey(name);
            var env = env(workload);
            assertThat(env.get("SPRING_KAFKA_SECURITY_PROTOCOL")).as(name).isEqualTo("SASL_SSL");
            assertThat(env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
                    .as(name + " reads its own user's Secret")
                    .isEqualTo("secret " + name + "/sasl.jaas.config");
            assertThat(env.get("SPRING_KAFKA_SSL_TRUST_STORE_CERTIFICATES"))
                    .isEqualTo("secret whistle-cluster-ca-cert/ca.crt");
        }
        assertThat(users.keySet()).as("users without a workload").isEqualTo(clients);
        for (var user : users.values()) {
            assertThat(Yamls.string(user, "spec.authentication.type")).isEqualTo("scram-sha-512");
            for (var acl : Yamls.maps(Yamls.at(user, "spec.authorization.acls"))) {
                var resource = Yamls.map(acl.get("resource"));
                var name = String.valueOf(resource.get("name"));
                var what = Kubernetes.name(user) + " " + resource;
                switch (String.valueOf(resource.get("type"))) {
                    case "topic" -> {
                        if ("prefix".equals(resource.get("patternType"))) {
                            assertThat(groups)
                                    .as(what + ": only a Streams application's own topics")
                                    .contains(name.substring(0, name.length() - 1));
                        } else {
                            assertThat(topics).as(what).contains(name);
                        }
                    }
                    case "group" -> assertThat(groups).as(what).contains(name);
                    case "transactionalId" ->
                        assertThat(groups)
                                .as(what + ": a Streams application's")
                                .contains(name.substring(0, name.length() - 1));
                    default -> throw new AssertionError(what + ": no service needs it");
                }
                assertThat(Yamls.list(acl.get("operations")))
                        .as(what)
                        .doesNotContain("Alter", "AlterConfigs", "Delete");
            }
        }
    }

    @Test
    void givesEveryServiceWithADatabaseItsDatabaseRoleAndPassword() {
        var cluster = operators.ofKind("Cluster").getFirst();
        var roles = new HashMap<String, String>();
        for (var role : Yamls.maps(Yamls.at(cluster, "spec.managed.roles"))) {
            roles.put(String.valueOf(role.get("name")), Yamls.string(role, "passwordSecret.name"));
        }
        var databases = new HashMap<String, String>();
        for (var database : operators.ofKind("Database")) {
            assertThat(Yamls.string(database, "spec.cluster.name")).isEqualTo(Kubernetes.name(cluster));
            databases.put(Yamls.string(database, "spec.name"), Yamls.string(database, "spec.owner"));
        }
        var used = new TreeSet<String>();
        for (var workload : operators.workloads()) {
            var env = env(workload);
            if (env.get("DATABASE_URL") == null) {
                continue;
            }
            var matcher = DATABASE.matcher(env.get("DATABASE_URL"));
            assertThat(matcher.matches())
                    .as(Kubernetes.name(workload) + " " + env.get("DATABASE_URL"))
                    .isTrue();
            var database = matcher.group(1);
            used.add(database);
            var owner = databases.get(database);
            assertThat(owner)
                    .as("the Database " + database + " (postgres/databases.yaml)")
                    .isNotNull();
            assertThat(env.get("DATABASE_USERNAME")).isEqualTo(owner);
            assertThat(roles)
                    .as("the role " + owner + " (postgres/cluster.yaml)")
                    .containsKey(owner);
            assertThat(env.get("DATABASE_PASSWORD"))
                    .as(Kubernetes.name(workload) + " logs in with the password its role is set from")
                    .isEqualTo("secret " + roles.get(owner) + "/password");
        }
        assertThat(databases.keySet()).as("databases no service uses").isEqualTo(used);
        var postgres = operators.ofKind("Service").stream()
                .filter(service -> Kubernetes.name(service).equals("postgres"))
                .findFirst()
                .orElseThrow();
        assertThat(Yamls.map(Yamls.at(postgres, "spec.selector")))
                .as("DATABASE_URL's host leads to the primary")
                .isEqualTo(Map.of("cnpg.io/cluster", Kubernetes.name(cluster), "cnpg.io/instanceRole", "primary"));
    }

    @Test
    void keepsPostgresOnReplicasWithContinuousArchivingAndNightlyBackups() {
        var cluster = operators.ofKind("Cluster").getFirst();
        assertThat(((Number) Yamls.at(cluster, "spec.instances")).intValue()).isGreaterThanOrEqualTo(3);
        assertThat(Yamls.string(cluster, "spec.backup.barmanObjectStore.destinationPath"))
                .startsWith("s3://");
        assertThat(Yamls.string(cluster, "spec.backup.retentionPolicy")).isNotBlank();
        assertThat(operators.ofKind("ScheduledBackup")).singleElement().satisfies(backup -> {
            assertThat(Yamls.string(backup, "spec.cluster.name")).isEqualTo(Kubernetes.name(cluster));
            assertThat(Yamls.string(backup, "spec.method")).isEqualTo("barmanObjectStore");
        });
        var image = Yamls.string(cluster, "spec.imageName");
        assertThat(image.replaceAll(".*:(\\d+).*", "$1"))
                .as("PostgreSQL's major version is the tests' (test-harness ContainerBackends)")
                .isEqualTo(testsPostgresMajor());
    }

    @Test
    void resolvesEverySecretFromTheSecretsKustomizationsOrTheOperator() {
        var keys = new HashMap<String, Set<String>>();
        for (var dir : List.of("deploy/secrets", "deploy/secrets/operators")) {
            var kustomization = Repository.document(Repository.path(dir + "/kustomization.yaml"));
            for (var generator : Yamls.maps(kustomization.get("secretGenerator"))) {
                var example = Repository.read(Repository.path(
                        dir + "/" + Yamls.list(generator.get("envs")).getFirst() + ".example"));
                keys.put(
                        String.valueOf(generator.get("name")),
                        example.lines()
                                .filter(line -> line.contains("=") && !line.startsWith("#"))
                                .map(line -> line.substring(0, line.indexOf('=')))
                                .collect(java.util.stream.Collectors.toSet()));
            }
        }
        // Strimzi's: each KafkaUser's password and JAAS configuration, and the cluster CA's certificate.
        operators
                .ofKind("KafkaUser")
                .forEach(user -> keys.put(Kubernetes.name(user), Set.of("password", "sasl.jaas.config")));
        keys.put("whistle-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
        var references = new ArrayList<String>();
        for (var document : operators.documents) {
            collectSecretReferences(document, references);
        }
        assertThat(references).isNotEmpty();
        for (var reference : references) {
            var name = reference.substring(0, reference.indexOf('/'));
            var key = reference.substring(reference.indexOf('/') + 1);
            assertThat(keys).as("the Secret of " + reference).containsKey(name);
            if (!key.isEmpty()) {
                assertThat(keys.get(name)).as("the key of " + reference).contains(key);
            }
        }
    }

    /** {@code secretKeyRef}s and CloudNativePG's {@code passwordSecret}/credential references, as name/key. */
    private static void collectSecretReferences(Object node, List<String> references) {
        if (node instanceof List<?> list) {
            list.forEach(item -> collectSecretReferences(item, references));
        } else if (node instanceof Map<?, ?> map) {
            for (var entry : map.entrySet()) {
                var field = String.valueOf(entry.getKey());
                if ((field.equals("secretKeyRef") || field.equals("accessKeyId") || field.equals("secretAccessKey"))
                        && entry.getValue() instanceof Map<?, ?> reference) {
                    references.add(reference.get("name") + "/" + reference.get("key"));
                } else if (field.equals("passwordSecret") && entry.getValue() instanceof Map<?, ?> reference) {
                    references.add(reference.get("name") + "/password");
                } else {
                    collectSecretReferences(entry.getValue(), references);
                }
            }
        }
    }

    private static String testsPostgresMajor() {
        var source = Repository.read(
                Repository.path("test-harness/src/main/java/org/whistle/testing/ContainerBackends.java"));
        var matcher = Pattern.compile("\"postgres:(\\d+)").matcher(source);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static Map<String, Object> deepCopy(Map<String, Object> document) {
        return Repository.documents(new Yaml().dump(document)).getFirst();
    }

    private static Map<String, Object> config() {
        return operators.ofKind("ConfigMap").stream()
                .filter(map -> Kubernetes.name(map).equals("whistle-config"))
                .findFirst()
                .orElseThrow();
    }

    /** The first container's variables: a value, or {@code secret <name>/<key>}, {@code config <name>/<key>}. */
    private static Map<String, String> env(Map<String, Object> workload) {
        var env = new LinkedHashMap<String, String>();
        var containers = Yamls.maps(Kubernetes.podSpec(workload).get("containers"));
        for (var variable : Yamls.maps(containers.getFirst().get("env"))) {
            var name = String.valueOf(variable.get("name"));
            if (variable.get("value") != null) {
                env.put(name, String.valueOf(variable.get("value")));
            } else if (Yamls.at(variable, "valueFrom.secretKeyRef") != null) {
                env.put(
                        name,
                        "secret " + Yamls.string(variable, "valueFrom.secretKeyRef.name") + "/"
                                + Yamls.string(variable, "valueFrom.secretKeyRef.key"));
            } else if (Yamls.at(variable, "valueFrom.configMapKeyRef") != null) {
                env.put(
                        name,
                        "config " + Yamls.string(variable, "valueFrom.configMapKeyRef.name") + "/"
                                + Yamls.string(variable, "valueFrom.configMapKeyRef.key"));
            }
        }
        return env;
    }
}
