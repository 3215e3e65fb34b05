package org.whistle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.whistle.events.Topics;

/**
 * Alert rules, the dashboard and the scrape configuration name only metrics, topics, consumer groups and service
 * addresses that exist, and the Prometheus Operator's copy of the rules is the rule file.
 */
class MonitoringTest {

    private static final Path ALERTS = Repository.path("deploy/observability/alerts.yml");
    private static final Path OBSERVABILITY = Repository.path("deploy/observability");
    private static final Path OPERATIONS = Repository.path("docs/operations.md");

    /**
     * Metrics other software exports, each with where it comes from: the documented list the rules and dashboards are
     * checked against, and which is itself checked to hold nothing they do not use.
     */
    private static final Map<String, String> EXTERNAL_METRICS = Map.ofEntries(
            Map.entry("up", "Prometheus, per scrape target"),
            Map.entry(
                    "kafka_consumergroup_lag",
                    "Kafka exporter (danielqsj/kafka-exporter; Strimzi's Kafka Exporter alike)"),
            Map.entry("kafka_topic_partition_current_offset", "Kafka exporter"),
            Map.entry("kafka_topic_partition_oldest_offset", "Kafka exporter"),
            Map.entry("kafka_topic_partition_under_replicated_partition", "Kafka exporter"),
            Map.entry("kafka_brokers", "Kafka exporter"),
            Map.entry("pg_up", "postgres_exporter (plain path)"),
            Map.entry("pg_stat_database_numbackends", "postgres_exporter's stat_database collector"),
            Map.entry("pg_stat_database_deadlocks", "postgres_exporter's stat_database collector"),
            Map.entry("pg_settings_max_connections", "postgres_exporter's settings collector"),
            Map.entry("pg_database_size_bytes", "postgres_exporter's database collector"),
            Map.entry("cnpg_collector_up", "CloudNativePG's instance exporter (operators overlay)"),
            Map.entry("cnpg_pg_replication_lag", "CloudNativePG's default monitoring queries"),
            Map.entry(
                    "cnpg_pg_stat_archiver_seconds_since_last_archival", "CloudNativePG's default monitoring queries"),
            Map.entry("cnpg_collector_last_available_backup_timestamp", "CloudNativePG's instance exporter"),
            Map.entry("http_server_requests_seconds_count", "Spring Boot's HTTP server observation"),
            Map.entry("http_server_requests_seconds_sum", "Spring Boot's HTTP server observation"),
            Map.entry("http_server_requests_seconds_max", "Spring Boot's HTTP server observation"),
            Map.entry("jvm_memory_used_bytes", "Micrometer's JVM memory binder (Spring Boot)"),
            Map.entry("jvm_memory_max_bytes", "Micrometer's JVM memory binder (Spring Boot)"),
            Map.entry("jvm_gc_pause_seconds_sum", "Micrometer's JVM GC binder (Spring Boot)"),
            Map.entry("process_cpu_usage", "Micrometer's processor binder (Spring Boot)"),
            Map.entry("hikaricp_connections_active", "HikariCP's Micrometer tracker (Spring Boot)"),
            Map.entry("hikaricp_connections_pending", "HikariCP's Micrometer tracker (Spring Boot)"));

    /** Strings in meter-defining files that look like meter names but are not: why each is none. */
    private static final Map<String, String> NOT_METERS = Map.of(
            "whistle.access", "the access log's logger name (service-security)",
            "whistle.messaging.outbox", "a configuration prefix (messaging)");

    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[a-zA-Z_:][a-zA-Z0-9_:]*\\b");
    private static final Pattern LABEL_MATCH =
            Pattern.compile("\\b(topic|consumergroup)\\s*(=~|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Set<String> PROMQL_WORDS = Set.of(
            "sum",
            "max",
            "min",
            "avg",
            "count",
            "by",
            "without",
            "rate",
            "increase",
            "irate",
            "deriv",
            "histogram_quantile",
            "and",
            "or",
            "unless",
            "offset",
            "bool",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "topk",
            "bottomk",
            "abs",
            "clamp_min",
            "clamp_max",
            "time",
            "humanizeDuration");

    static List<String> expressions() {
        var expressions = new ArrayList<String>();
        for (var group : Yamls.maps(Repository.document(ALERTS).get("groups"))) {
            for (var rule : Yamls.maps(group.get("rules"))) {
                expressions.add(String.valueOf(rule.get("expr")));
            }
        }
        for (var dashboard : dashboards()) {
            for (var panel : Yamls.maps(Repository.document(dashboard).get("panels"))) {
                for (var target : Yamls.maps(panel.get("targets"))) {
                    expressions.add(String.valueOf(target.get("expr")));
                }
            }
        }
        return expressions;
    }

    /** The Grafana dashboards: every JSON file beside the rules. */
    static List<Path> dashboards() {
        try (var files = Files.list(OBSERVABILITY)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The metric names of an expression: identifiers outside strings that are neither functions nor labels. */
    static Set<String> metricNames(String expression) {
        var outsideStrings = QUOTED.matcher(expression).replaceAll("\"\"");
        var withoutGroupings = outsideStrings
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ");
        var names = new TreeSet<String>();
        IDENTIFIER.matcher(withoutGroupings).results().map(m -> m.group()).forEach(word -> {
            if (!PROMQL_WORDS.contains(word) && !word.matches("\\d.*")) {
                names.add(word);
            }
        });
        return names;
    }

    @Test
    void operatorRuleCarriesTheRuleFilesGroups() {
        var rule = Repository.document(Repository.path("deploy/observability/prometheus-rule.yaml"));
        assertThat(Yamls.at(rule, "spec.groups"))
                .isEqualTo(Repository.document(ALERTS).get("groups"));
    }

    @Test
    void namesOnlyMetricsThatExist() {
        var known = new TreeSet<>(CodeFacts.meterNames());
        known.addAll(EXTERNAL_METRICS.keySet());
        var unknown = new TreeSet<String>();
        for (var expression : expressions()) {
            for (var name : metricNames(expression)) {
                if (!known.contains(name)) {
                    unknown.add(name + " in " + expression);
                }
            }
        }
        assertThat(unknown).isEmpty();
        assertThat(CodeFacts.meterNames())
                .contains(
                        "whistle_outbox_backlog",
                        "whistle_outbox_oldest_age_seconds",
                        "whistle_sla_escalations_published_total",
                        "whistle_intake_whistles_raised_total",
                        "whistle_dispatch_report_in_seconds_bucket",
                        "whistle_messaging_dead_letters_total");
    }

    @Test
    void listsOnlyExternalMetricsThatARuleOrPanelUses() {
        var used = new TreeSet<String>();
        expressions().forEach(expression -> used.addAll(metricNames(expression)));
        assertThat(EXTERNAL_METRICS.keySet())
                .allSatisfy(name -> assertThat(used)
                        .as("%s (%s) is used by no rule or panel", name, EXTERNAL_METRICS.get(name))
                        .contains(name));
    }

    @Test
    void documentsEveryMeterOfTheCodeAndOnlyThose() {
        var text = Repository.read(OPERATIONS);
        var section = text.substring(text.indexOf("### Metrics the services export"));
        section =
                section.substring(0, section.indexOf("\n## ", 1) < 0 ? section.length() : section.indexOf("\n## ", 1));
        var documented = new TreeSet<String>();
        // The names in each row's first cell.
        section.lines()
                .filter(line -> line.startsWith("| `"))
                .forEach(line -> Pattern.compile("`(whistle_[a-z0-9_]+)`")
                        .matcher(line.split("\\|")[1])
                        .results()
                        .forEach(m -> documented.add(m.group(1))));
        assertThat(documented).isNotEmpty();
        assertThat(documented).as("documented but not in the code").isSubsetOf(CodeFacts.meterNames());
        var undocumented = new TreeSet<String>();
        for (var meter : CodeFacts.meterCandidates()) {
            var prometheus = meter.replace('.', '_');
            if (!NOT_METERS.containsKey(meter)
                    && documented.stream()
                            .noneMatch(name -> name.equals(prometheus) || name.startsWith(prometheus + "_"))) {
                undocumented.add(meter);
            }
        }
        assertThat(undocumented).as("meters docs/operations.md does not list").isEmpty();
    }

    @Test
    void provisionsEveryDashboardInKubernetesAndCompose() {
        var kustomization = Repository.read(OBSERVABILITY.resolve("kustomization.yaml"));
        var compose = Repository.read(Repository.path("docker-compose.yml"));
        assertThat(dashboards()).hasSizeGreaterThanOrEqualTo(3).allSatisfy(dashboard -> {
            var file = dashboard.getFileName().toString();
            assertThat(kustomization).contains("- " + file);
            assertThat(compose).contains("./deploy/observability/" + file + ":/var/lib/grafana/dashboards/" + file);
            var uid = Yamls.string(Repository.document(dashboard), "uid");
            assertThat(uid).as(file).isEqualTo(file.replace(".json", ""));
        });
    }

    @Test
    void namesOnlyTopicsAndConsumerGroupsThatExist() {
        var topics = Topics.all().stream().map(t -> t.name()).toList();
        var groups = CodeFacts.consumerGroups();
        var problems = new ArrayList<String>();
        for (var expression : expressions()) {
            var match = LABEL_MATCH.matcher(expression);
            while (match.find()) {
                var names = match.group(1).equals("topic") ? topics : List.copyOf(groups);
                var value = match.group(3).replace("\\\\", "\\");
                if (match.group(2).equals("=")) {
                    if (!names.contains(value)) {
                        problems.add(match.group(1) + " " + value + " in " + expression);
                    }
                    continue;
                }
                for (var alternative : value.split("\\|")) {
                    var pattern = Pattern.compile(alternative);
                    if (names.stream().noneMatch(name -> pattern.matcher(name).matches())) {
                        problems.add(match.group(1) + " " + alternative + " matches none of " + names);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(groups).contains("dispatch-service", "sla-service");
    }

    @Test
    void scrapesEveryServiceOnItsPort() {
        var code = ServiceCatalogue.read();
        var targets = new TreeSet<String>();
        for (var job : Yamls.maps(Repository.document(Repository.path("deploy/observability/prometheus.yml"))
                .get("scrape_configs"))) {
            if ("whistle".equals(job.get("job_name"))) {
                for (var config : Yamls.maps(job.get("static_configs"))) {
                    Yamls.list(config.get("targets")).forEach(t -> targets.add(String.valueOf(t)));
                }
            }
        }
        var expected = new TreeSet<String>();
        code.services().values().forEach(s -> expected.add(s.module() + ":" + s.managementPort()));
        assertThat(targets).isEqualTo(expected);
    }

    @Test
    void readsMetricNamesAsPrometheusDoes() {
        assertThat(metricNames("sum by (topic) (rate(a_b{topic=~\"x\"}[5m])) / max(c_total) > 3 and up == 0"))
                .containsExactly("a_b", "c_total", "up");
    }

    @Test
    void rulesPassPromtool() throws Exception {
        var promtool = onPath("promtool");
        Assumptions.assumeTrue(promtool != null, "promtool is not on the PATH (Debian: apt-get install prometheus)");
        var log = Files.createTempFile("promtool", ".log");
        try {
            var process = new ProcessBuilder(promtool.toString(), "check", "rules", ALERTS.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue())
                    .as(Files.readString(log, StandardCharsets.UTF_8))
                    .isZero();
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Path onPath(String tool) {
        for (var dir : String.valueOf(System.getenv("PATH")).split(File.pathSeparator)) {
            var candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
