package org.whistle.systemtests.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.whistle.embedded.FreePorts;
import org.whistle.embedded.KraftBroker;
import org.whistle.events.Topics;
import org.yaml.snakeyaml.Yaml;

/**
 * A service on a broker secured as the production overlay secures Strimzi's: clients authenticate with SCRAM-SHA-512
 * over TLS and may do only what ACLs allow. sla-service gets the ACLs of its {@code KafkaUser} in
 * {@code deploy/overlays/production-operators/kafka/users} and its Kafka settings only as {@code SPRING_KAFKA_*} environment
 * variables, the way the manifests give them: it starts, copies the organisation and runs its Streams application.
 * The same service under a user with a valid password but no ACLs stops at start-up and says why.
 */
class SecuredKafkaTest {

    private static final String PASSWORD = "throwaway-" + Long.toHexString(System.nanoTime());
    private static final String ADMIN = "admin";
    private static final String SLA = "sla-service";
    private static final String INTRUDER = "intruder";
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path dir;

    private static KraftBroker broker;
    private static KraftBroker.Security security;
    private static String caPem;
    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void startASecuredBrokerWithTheProductionAcls() throws Exception {
        var keyStore = dir.resolve("broker.p12");
        var trustStore = dir.resolve("trust.p12");
        var certificate = dir.resolve("ca.pem");
        keytool(
                "-genkeypair",
                "-alias",
                "broker",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=whistle-test-broker",
                "-ext",
                "SAN=IP:127.0.0.1,DNS:localhost",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                PASSWORD);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "broker",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                certificate.toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-file",
                certificate.toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                trustStore.toString(),
                "-storepass",
                PASSWORD);
        caPem = Files.readString(certificate);
        security = new KraftBroker.Security(
                keyStore, trustStore, PASSWORD, ADMIN, Map.of(ADMIN, PASSWORD, SLA, PASSWORD, INTRUDER, PASSWORD));
        broker = KraftBroker.start(dir.resolve("kafka"), 0, security);
        try (var admin = admin(ADMIN)) {
            Topics.ensureCreated(admin, (short) 1);
            admin.createAcls(acls(SLA)).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stopTheBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void stopTheServices() throws InterruptedException {
        for (var process : started) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void aServiceWithItsCredentialsAndItsAclsStartsAndRunsItsStreams() throws Exception {
        int port = FreePorts.pick();
        var log = dir.resolve("sla-allowed.log");
        var sla = startSla(SLA, port, log);

        await().atMost(PATIENCE)
                .pollInterval(Duration.ofSeconds(1))
                .failFast("sla-service stopped: " + tail(log), () -> !sla.isAlive())
                .until(() -> status(port, "/actuator/health/readiness") == 200);
        try (var admin = admin(ADMIN)) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .as("the changelogs sla-service created under its own prefix")
                    .anyMatch(topic -> topic.startsWith(SLA + "-") && topic.endsWith("-changelog"));
        }
    }

    @Test
    void aServiceKafkaRefusesStopsAtStartUpAndSaysWhy() throws Exception {
        var log = dir.resolve("sla-refused.log");
        var refused = startSla(INTRUDER, FreePorts.pick(), log);

        assertThat(refused.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .as("the refused service stopped by itself")
                .isTrue();
        assertThat(refused.exitValue()).as("exit status").isNotZero();
        assertThat(Files.readString(log, StandardCharsets.UTF_8))
                .contains("Kafka refused the organisation reference feed")
                .contains("TopicAuthorizationException");
    }

    /** The service as the manifests run it: everything about Kafka from SPRING_KAFKA_* variables. */
    private Process startSla(String user, int port, Path log) throws IOException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var jar = Path.of(System.getProperty("whistle.services-dir", "target/services"), "sla-service.jar");
        var builder = new ProcessBuilder(
                        java,
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-Xmx256m",
                        "-jar",
                        jar.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        var environment = builder.environment();
        environment.put("SERVER_PORT", String.valueOf(port));
        environment.put("SERVER_ADDRESS", "127.0.0.1");
        environment.put(
                "WHISTLE_SLA_STATE_DIR", dir.resolve("sla-state-" + user).toString());
        environment.put("WHISTLE_SECURITY_JWKS_URI", "http://127.0.0.1:9/oauth2/jwks");
        environment.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        environment.put("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        environment.put("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
        environment.put(
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                        + PASSWORD + "\";");
        environment.put("SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "PEM");
        environment.put("SPRING_KAFKA_SSL_TRUST_STORE_CERTIFICATES", caPem);
        var process = builder.start();
        started.add(process);
        return process;
    }

    /** The ACLs of the service's KafkaUser in the production overlay, as Strimzi's user operator creates them. */
    static List<AclBinding> acls(String service) throws IOException {
        var file = repository().resolve("deploy/overlays/production-operators/kafka/users/" + service + ".yaml");
        Map<String, Object> user = new Yaml().load(Files.readString(file));
        var principal = "User:" + ((Map<?, ?>) user.get("metadata")).get("name");
        var authorization = (Map<?, ?>) ((Map<?, ?>) user.get("spec")).get("authorization");
        var bindings = new ArrayList<AclBinding>();
        for (var rule : (List<?>) authorization.get("acls")) {
            var acl = (Map<?, ?>) rule;
            var resource = (Map<?, ?>) acl.get("resource");
            var type = ResourceType.valueOf(snake((String) resource.get("type")));
            var name = type == ResourceType.CLUSTER ? "kafka-cluster" : (String) resource.get("name");
            var pattern = "prefix".equals(resource.get("patternType")) ? PatternType.PREFIXED : PatternType.LITERAL;
            for (var operation : (List<?>) acl.get("operations")) {
                bindings.add(new AclBinding(
                        new ResourcePattern(type, name, pattern),
                        new AccessControlEntry(
                                principal,
                                "*",
                                AclOperation.valueOf(snake((String) operation)),
                                AclPermissionType.ALLOW)));
            }
        }
        return bindings;
    }

    /** {@code transactionalId} → {@code TRANSACTIONAL_ID}, {@code IdempotentWrite} → {@code IDEMPOTENT_WRITE}. */
    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static Path repository() {
        var here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("deploy")) ? here : here.getParent();
    }

    private static Admin admin(String user) {
        var config = new HashMap<String, Object>(security.clientProperties(user, PASSWORD));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return Admin.create(config);
    }

    private static int status(int port, String path) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String tail(Path log) {
        try {
            var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
