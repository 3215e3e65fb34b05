package org.whistle.localstack;

import java.net.URI;
import java.nio.file.Path;

/**
 * A service process the stack started.
 *
 * @param process the operating-system process; it has exited once the stack is closed
 */
public record RunningService(Service service, int port, ProcessHandle process, Path log) {

    public String name() {
        return service.module();
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port);
    }

    public URI readinessUri() {
        return baseUri().resolve("/actuator/health/readiness");
    }
}
