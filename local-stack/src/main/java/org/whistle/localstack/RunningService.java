package org.whistle.localstack;

import java.net.URI;
import java.nio.file.Path;

/**
 * A service process the stack started.
 *
 * @param process the operating-system process; it has exited once the stack is closed
 * @param managementPort where its probes and metrics answer: its port, or the gateway's management port, which keeps
 *     them off the public one
 */
public record RunningService(Service service, int port, int managementPort, ProcessHandle process, Path log) {

    public String name() {
        return service.module();
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port);
    }

    /** Where Actuator answers: probes and {@code /actuator/prometheus}. */
    public URI managementUri() {
        return URI.create("http://localhost:" + managementPort);
    }

    public URI readinessUri() {
        return managementUri().resolve("/actuator/health/readiness");
    }
}
