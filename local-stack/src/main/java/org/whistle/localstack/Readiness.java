package org.whistle.localstack;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Waits until every service reports ready, and fails with its log as soon as one dies or the time is up. */
final class Readiness {

    private static final Logger log = LoggerFactory.getLogger(Readiness.class);

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final int LOG_LINES = 40;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    void await(List<ServiceProcess> services, Duration timeout) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        var pending = new ArrayList<>(services);
        while (true) {
            var iterator = pending.iterator();
            while (iterator.hasNext()) {
                var service = iterator.next();
                if (!service.process().isAlive()) {
                    throw new LocalStackException(service.name() + " exited with code "
                            + service.process().exitValue() + " before it was ready. Last lines of "
                            + service.running().log() + ":" + System.lineSeparator()
                            + LogTail.of(service.running().log(), LOG_LINES));
                }
                if (isReady(service.running())) {
                    log.info(
                            "{} ready at {} after {} s",
                            service.name(),
                            service.running().baseUri(),
                            String.format("%.1f", (System.nanoTime() - started) / 1e9));
                    iterator.remove();
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new LocalStackException(notReadyReport(pending, timeout));
            }
            pause();
        }
    }

    private boolean isReady(RunningService service) {
        var request = HttpRequest.newBuilder(service.readinessUri())
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            // Refused or timed out: the service has not opened its port yet, which is what starting looks like.
            log.trace("{} not answering yet: {}", service.name(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("Interrupted while waiting for " + service.name(), e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("Interrupted while waiting for the services", e);
        }
    }

    private static String notReadyReport(List<ServiceProcess> pending, Duration timeout) {
        var names = pending.stream().map(ServiceProcess::name).collect(Collectors.joining(", "));
        var report = new StringBuilder(names + " not ready within " + timeout.toSeconds() + " s.");
        for (var service : pending) {
            report.append(System.lineSeparator())
                    .append("Last lines of ")
                    .append(service.running().log())
                    .append(':')
                    .append(System.lineSeparator())
                    .append(LogTail.of(service.running().log(), LOG_LINES));
        }
        return report.toString();
    }
}
