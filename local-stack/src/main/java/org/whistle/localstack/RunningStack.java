package org.whistle.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.whistle.embedded.KraftBroker;
import org.whistle.embedded.PostgresServer;

/**
 * A started local stack: PostgreSQL and Kafka in this JVM, every service as a child process. {@link #close()} stops
 * the services first, then Kafka, then PostgreSQL, so the data folder is left clean for the next start.
 */
public final class RunningStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunningStack.class);

    /** Spring Boot's graceful shutdown gets this long before a service is killed. */
    static final Duration SERVICE_STOP_TIMEOUT = Duration.ofSeconds(20);

    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(5);

    private final Path dataDir;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<ServiceProcess> services = new ArrayList<>();
    private @Nullable PostgresServer postgres;
    private @Nullable KraftBroker broker;
    private @Nullable DevelopmentWechat wechat;
    private @Nullable Infrastructure infrastructure;
    private @Nullable Duration startupTime;
    private boolean closing;

    RunningStack(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Every service, in the order of {@link Service}. */
    public synchronized List<RunningService> services() {
        return services.stream()
                .map(ServiceProcess::running)
                .sorted(java.util.Comparator.comparing(RunningService::service))
                .toList();
    }

    public synchronized RunningService service(Service service) {
        return services.stream()
                .map(ServiceProcess::running)
                .filter(running -> running.service() == service)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(service.module() + " is not running"));
    }

    public String kafkaBootstrapServers() {
        return infrastructure().kafkaBootstrapServers();
    }

    /** The JDBC URL of each service database, by database name. */
    public Map<String, String> jdbcUrls() {
        return infrastructure().jdbcUrls();
    }

    public String databaseUsername() {
        return infrastructure().databaseUsername();
    }

    public String databasePassword() {
        return infrastructure().databasePassword();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** From the start call until every service reported ready. */
    public synchronized Duration startupTime() {
        if (startupTime == null) {
            throw new IllegalStateException("The stack has not finished starting");
        }
        return startupTime;
    }

    /** Blocks until {@link #close()} has finished, from whichever thread it was called. */
    public void awaitClosed() throws InterruptedException {
        stopped.await();
    }

    synchronized boolean isClosing() {
        return closing;
    }

    private synchronized boolean isServing() {
        return startupTime != null && !closing;
    }

    /**
     * Stops everything that was started and returns once it has stopped; safe to call more than once and from several
     * threads (a shutdown hook and a failing start, say): later calls wait for the first.
     */
    @Override
    public void close() {
        List<ServiceProcess> toStop;
        @Nullable KraftBroker stoppedBroker;
        @Nullable PostgresServer stoppedPostgres;
        @Nullable DevelopmentWechat stoppedWechat;
        boolean stoppingElsewhere;
        synchronized (this) {
            stoppingElsewhere = closing;
            closing = true;
            toStop = List.copyOf(services);
            stoppedBroker = broker;
            stoppedPostgres = postgres;
            stoppedWechat = wechat;
        }
        if (stoppingElsewhere) {
            awaitStoppedElsewhere();
            return;
        }
        if (stoppedWechat != null) {
            stoppedWechat.close();
        }
        if (toStop.isEmpty() && stoppedBroker == null && stoppedPostgres == null) {
            stopped.countDown();
            return;
        }
        long started = System.nanoTime();
        log.info("Stopping Whistle / 正在停止");
        var failure = new Failure();
        failure.attempt(() -> stopServices(toStop));
        if (stoppedBroker != null) {
            failure.attempt(stoppedBroker::close);
        }
        if (stoppedPostgres != null) {
            failure.attempt(stoppedPostgres::close);
        }
        log.info("Whistle stopped in {} ms / 已停止", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        stopped.countDown();
        failure.rethrow();
    }

    synchronized void postgresStarted(PostgresServer server) {
        if (closing) {
            server.close();
            throw stoppedWhileStarting();
        }
        postgres = server;
    }

    synchronized void brokerStarted(KraftBroker started) {
        if (closing) {
            started.close();
            throw stoppedWhileStarting();
        }
        broker = started;
    }

    synchronized void wechatStarted(DevelopmentWechat started) {
        if (closing) {
            started.close();
            throw stoppedWhileStarting();
        }
        wechat = started;
    }

    /** The development WeChat the stack's org-registry and notification-service use (local stack only). */
    public synchronized DevelopmentWechat wechat() {
        if (wechat == null) {
            throw new IllegalStateException("the development WeChat has not started");
        }
        return wechat;
    }

    synchronized void infrastructureReady(Infrastructure ready) {
        infrastructure = ready;
    }

    synchronized void serviceStarted(ServiceProcess service) {
        if (closing) {
            service.process().destroyForcibly();
            throw stoppedWhileStarting();
        }
        services.add(service);
        service.process().onExit().thenAccept(exited -> {
            // While starting, readiness reports a death together with the log; afterwards nobody else would.
            if (isServing()) {
                log.warn(
                        "{} exited unexpectedly with code {}; see {}",
                        service.name(),
                        exited.exitValue(),
                        service.running().log());
            }
        });
    }

    synchronized List<ServiceProcess> serviceProcesses() {
        return List.copyOf(services);
    }

    synchronized void started(Duration took) {
        startupTime = took;
    }

    private synchronized Infrastructure infrastructure() {
        if (infrastructure == null) {
            throw new IllegalStateException("Kafka and PostgreSQL are not ready yet");
        }
        return infrastructure;
    }

    /** SIGTERM lets each Spring Boot service finish its requests and commit its offsets; the kill is the fallback. */
    private static void stopServices(List<ServiceProcess> services) {
        services.forEach(service -> service.process().destroy());
        var exits = services.stream().map(service -> service.process().onExit()).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(SERVICE_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            for (var service : services) {
                if (service.process().isAlive()) {
                    log.warn(
                            "{} did not stop within {} s, killing it",
                            service.name(),
                            SERVICE_STOP_TIMEOUT.toSeconds());
                    service.process().destroyForcibly();
                }
            }
            awaitKilled(services);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not wait for the services to stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            services.forEach(service -> service.process().destroyForcibly());
        }
    }

    private static void awaitKilled(List<ServiceProcess> services) {
        for (var service : services) {
            try {
                if (!service.process().waitFor(KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException(service.name() + " (pid "
                            + service.process().pid() + ") is still running after being killed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void awaitStoppedElsewhere() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static LocalStackException stoppedWhileStarting() {
        return new LocalStackException("The local stack was stopped while it was starting");
    }

    /** Runs every stop step even when one fails, and reports the first failure with the others attached. */
    private static final class Failure {

        private @Nullable RuntimeException first;

        void attempt(Runnable step) {
            try {
                step.run();
            } catch (RuntimeException e) {
                log.error("Stopping failed", e);
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }

        void rethrow() {
            if (first != null) {
                throw first;
            }
        }
    }
}
