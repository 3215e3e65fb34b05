package org.whistle.systemtests.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.whistle.localstack.BenchServiceLaunch;

/**
 * The baseline: the same lifecycle as a BPMN process in Flowable 7, embedded the way a city would embed it in an
 * application of its own, on the same PostgreSQL (HikariCP, 10 connections), with history level {@code audit} and a
 * non-interrupting boundary timer on the report-in task; behind a minimal HTTP layer (the JDK's server, 200 request
 * threads) so that the same load generator drives it in the same shape. It runs in a JVM of its own with exactly the
 * production JVM options of dispatch-service ({@link BenchServiceLaunch#flowableJvmOptions}).
 *
 * <p>What it leaves out, and Whistle does not: a gateway hop, tokens and access checks, grid resolution by polygon,
 * events to other services (outbox, Kafka), notifications, clocks other than the one timer, the hash-chained timeline.
 */
final class FlowableServer {

    private static final String READY = "FLOWABLE-READY ";

    /** Report-in within 2 h, at the demo's 60-fold time (as the platform's clocks run in the benchmark): 2 min. */
    static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:flowable="http://flowable.org/bpmn"
                         targetNamespace="http://whistle.org/bench">
              <process id="whistle" name="吹哨报到" isExecutable="true">
                <startEvent id="raised"/>
                <sequenceFlow id="f1" sourceRef="raised" targetRef="route"/>
                <serviceTask id="route" name="route to the grid's command centre"
                             flowable:class="org.whistle.systemtests.bench.FlowableServer$Route"/>
                <sequenceFlow id="f2" sourceRef="route" targetRef="file"/>
                <userTask id="file" name="受理" flowable:candidateGroups="${owningCentre}"/>
                <sequenceFlow id="f3" sourceRef="file" targetRef="summon"/>
                <userTask id="summon" name="派哨" flowable:candidateGroups="${owningCentre}"/>
                <sequenceFlow id="f4" sourceRef="summon" targetRef="reportIn"/>
                <userTask id="reportIn" name="报到" flowable:candidateGroups="${lead}"/>
                <boundaryEvent id="reportInLate" attachedToRef="reportIn" cancelActivity="false">
                  <timerEventDefinition><timeDuration>PT2M</timeDuration></timerEventDefinition>
                </boundaryEvent>
                <sequenceFlow id="f5" sourceRef="reportInLate" targetRef="escalate"/>
                <serviceTask id="escalate" name="督办" flowable:expression="${execution.setVariable('escalated', true)}"/>
                <sequenceFlow id="f6" sourceRef="escalate" targetRef="escalated"/>
                <endEvent id="escalated"/>
                <sequenceFlow id="f7" sourceRef="reportIn" targetRef="done"/>
                <userTask id="done" name="办结" flowable:candidateGroups="${lead}"/>
                <sequenceFlow id="f8" sourceRef="done" targetRef="verify"/>
                <userTask id="verify" name="核查" flowable:candidateGroups="${owningCentre}"/>
                <sequenceFlow id="f9" sourceRef="verify" targetRef="close"/>
                <userTask id="close" name="结案" flowable:candidateGroups="${owningCentre}"/>
                <sequenceFlow id="f10" sourceRef="close" targetRef="closed"/>
                <endEvent id="closed"/>
              </process>
            </definitions>
            """;

    private static final Pattern NUMBER = Pattern.compile("\"(lat|lng)\"\\s*:\\s*(-?[0-9.]+)");
    private static final Pattern TEXT =
            Pattern.compile("\"(category|urgency|description|phone|lead|note)\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern ACTION =
            Pattern.compile("/tickets/([0-9a-f-]+)/(file|summon|verify|close|tasks/[^/]+/report-in|tasks/[^/]+/done)");

    private FlowableServer() {}

    /** Resolves the grid by its rectangle and names its street's command centre, as routing does in Whistle. */
    public static final class Route implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            double lat = (Double) execution.getVariable("lat");
            double lng = (Double) execution.getVariable("lng");
            var grids = WhistleTarget.GRIDS;
            for (int i = 0; i < grids.size(); i++) {
                var g = grids.get(i);
                if (lat >= g[0] && lat < g[2] && lng >= g[1] && lng < g[3]) {
                    execution.setVariable("grid", "230225100-" + i);
                    execution.setVariable("owningCentre", "QQ-230225100-ZHZX");
                    return;
                }
            }
            execution.setVariable("grid", null);
            execution.setVariable("owningCentre", "QQ-230225-ZHZX");
        }
    }

    /** The child's entry point: {@code jdbcUrl user password}. */
    public static void main(String[] args) throws IOException {
        var config = new StandaloneProcessEngineConfiguration();
        // As a Spring Boot application embedding Flowable would have it: HikariCP with Boot's default 10 connections
        // (Flowable's own MyBatis pool reclaims connections from threads that hold them too long under overload).
        var pool = new HikariConfig();
        pool.setJdbcUrl(args[0]);
        pool.setUsername(args[1]);
        pool.setPassword(args[2]);
        pool.setMaximumPoolSize(10);
        config.setDataSource(new HikariDataSource(pool));
        // Ids from UUIDs, as Flowable's Spring Boot starter has it (flowable.use-strong-uuids). The default id
        // generator fetches each new block of ids in a transaction of its own, on a second connection, while the
        // command's first is held: with more busy requests than pooled connections every request waited for a
        // connection no one would return, and the baseline stood still at 16 users.
        config.setIdGenerator(new StrongUuidGenerator());
        config.setDatabaseSchemaUpdate("true");
        config.setHistory("audit");
        config.setAsyncExecutorActivate(true);
        // Neither users nor event channels are used by the process.
        config.setDisableIdmEngine(true);
        config.setDisableEventRegistry(true);
        var engine = config.buildProcessEngine();
        engine.getRepositoryService()
                .createDeployment()
                .name("whistle")
                .addString("whistle.bpmn20.xml", PROCESS)
                .enableDuplicateFiltering()
                .deploy();

        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        // Tomcat's default of 200 request threads, as the services have.
        server.setExecutor(Executors.newFixedThreadPool(200));
        server.createContext("/", exchange -> handle(engine, exchange));
        server.start();
        System.out.println(READY + server.getAddress().getPort());
        System.out.flush();
        while (System.in.read() != -1) {
            // Runs until the parent closes our standard input, or dies.
        }
        server.stop(0);
        engine.close();
    }

    private static void handle(ProcessEngine engine, HttpExchange exchange) throws IOException {
        try (exchange) {
            var path = exchange.getRequestURI().getPath();
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                if (exchange.getRequestMethod().equals("POST") && path.equals("/whistles")) {
                    raise(engine, exchange, body);
                } else if (exchange.getRequestMethod().equals("GET") && path.startsWith("/tickets/by-whistle/")) {
                    var id = path.substring("/tickets/by-whistle/".length());
                    var task = engine.getTaskService()
                            .createTaskQuery()
                            .processInstanceId(id)
                            .list();
                    answer(exchange, task.isEmpty() ? 404 : 200, "{\"id\":\"" + id + "\"}");
                } else if (exchange.getRequestMethod().equals("POST")
                        && ACTION.matcher(path).matches()) {
                    act(engine, exchange, path, body);
                } else {
                    answer(exchange, 404, "{\"title\":\"not found\"}");
                }
            } catch (FlowableOptimisticLockingException e) {
                answer(exchange, 409, "{\"title\":\"changed meanwhile\"}");
            } catch (RuntimeException e) {
                answer(exchange, 500, "{\"title\":\"" + e.getClass().getSimpleName() + "\"}");
            }
        }
    }

    private static void raise(ProcessEngine engine, HttpExchange exchange, String body) throws IOException {
        var key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key != null) {
            var earlier = engine.getHistoryService()
                    .createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(key)
                    .singleResult();
            if (earlier != null) {
                answer(exchange, 201, "{\"id\":\"" + earlier.getId() + "\"}");
                return;
            }
        }
        var variables = new HashMap<String, Object>();
        var numbers = NUMBER.matcher(body);
        while (numbers.find()) {
            variables.put(numbers.group(1), Double.valueOf(numbers.group(2)));
        }
        var texts = TEXT.matcher(body);
        while (texts.find()) {
            variables.put(texts.group(1), texts.group(2));
        }
        if (!variables.containsKey("lat") || !variables.containsKey("lng") || !variables.containsKey("category")) {
            answer(exchange, 422, "{\"title\":\"location and category are required\"}");
            return;
        }
        variables.put("channel", "WECHAT");
        var instance = engine.getRuntimeService()
                .createProcessInstanceBuilder()
                .processDefinitionKey("whistle")
                .businessKey(key)
                .variables(variables)
                .start();
        answer(exchange, 201, "{\"id\":\"" + instance.getId() + "\"}");
    }

    private static void act(ProcessEngine engine, HttpExchange exchange, String path, String body) throws IOException {
        var matcher = ACTION.matcher(path);
        if (!matcher.matches()) {
            throw new IllegalStateException(path);
        }
        var id = matcher.group(1);
        var action = matcher.group(2);
        var taskKey = action.endsWith("report-in") ? "reportIn" : action.endsWith("/done") ? "done" : action;
        var task = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(id)
                .taskDefinitionKey(taskKey)
                .singleResult();
        if (task == null) {
            answer(exchange, 409, "{\"title\":\"no " + taskKey + " task open\"}");
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        var texts = TEXT.matcher(body);
        while (texts.find()) {
            variables.put(texts.group(1), texts.group(2));
        }
        if (taskKey.equals("summon") && !variables.containsKey("lead")) {
            answer(exchange, 422, "{\"title\":\"lead is required\"}");
            return;
        }
        if (taskKey.equals("verify")) {
            variables.put("pass", body.contains("\"pass\":true"));
        }
        engine.getTaskService().complete(task.getId(), variables);
        var next = engine.getTaskService().createTaskQuery().processInstanceId(id).list().stream()
                .map(t -> "\"" + t.getTaskDefinitionKey() + "\"")
                .toList();
        answer(exchange, 200, "{\"id\":\"" + id + "\",\"open\":" + next + "}");
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        var bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** The server in a child JVM with dispatch-service's production JVM options; {@link #close()} stops it. */
    static final class Running implements AutoCloseable {

        private final Process process;
        private final int port;

        private Running(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static Running start(String jdbcUrl, String user, String password, Path workDir) {
            try {
                var java =
                        Path.of(System.getProperty("java.home"), "bin", "java").toString();
                var classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
                var argFile = workDir.resolve("flowable.args");
                Files.writeString(argFile, "-cp \"" + classPath + "\"\n", StandardCharsets.UTF_8);
                var command = new ArrayList<String>();
                command.add(java);
                command.addAll(BenchServiceLaunch.flowableJvmOptions());
                Bench.flightRecording("flowable").ifPresent(command::add);
                command.addAll(List.of(
                        "-Duser.timezone=UTC",
                        "-Dbench.work-dir=" + workDir.toAbsolutePath(),
                        "-Dbench.log-name=flowable"));
                var logback = System.getProperty("logback.configurationFile");
                if (logback != null) {
                    command.add("-Dlogback.configurationFile=" + logback);
                }
                command.add("@" + argFile.toAbsolutePath());
                command.add(FlowableServer.class.getName());
                command.addAll(List.of(jdbcUrl, user, password));
                var process = new ProcessBuilder(command)
                        .redirectError(workDir.resolve("flowable.err").toFile())
                        .start();
                var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(READY)) {
                        var reader = out;
                        Thread.ofPlatform().daemon().start(() -> {
                            try {
                                while (reader.readLine() != null) {
                                    // Keeps the pipe from filling.
                                }
                            } catch (IOException ignored) {
                                // Ended.
                            }
                        });
                        return new Running(
                                process,
                                Integer.parseInt(line.substring(READY.length()).trim()));
                    }
                }
                throw new IllegalStateException("Flowable did not start; see " + workDir.resolve("flowable.err"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int port() {
            return port;
        }

        long pid() {
            return process.pid();
        }

        @Override
        public void close() throws InterruptedException, IOException {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }
}
