package org.whistle.localstack;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A Whistle service the local stack runs: its module, default port, database and how the gateway finds it. */
public enum Service {
    GATEWAY("gateway", 8080, null, null),
    ORG_REGISTRY("org-registry-service", 8081, "org_registry", "ORG_REGISTRY_URI"),
    INTAKE("intake-service", 8082, "intake", "INTAKE_URI"),
    DISPATCH("dispatch-service", 8083, "dispatch", "DISPATCH_URI"),
    SLA("sla-service", 8084, null, "SLA_URI"),
    NOTIFICATION("notification-service", 8085, "notification", "NOTIFICATION_URI"),
    EVALUATION("evaluation-service", 8086, "evaluation", "EVALUATION_URI");

    private final String module;
    private final int defaultPort;
    private final @Nullable String database;
    private final @Nullable String gatewayUriVariable;

    Service(String module, int defaultPort, @Nullable String database, @Nullable String gatewayUriVariable) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.database = database;
        this.gatewayUriVariable = gatewayUriVariable;
    }

    /** The Maven module, which also names the runnable jar ({@code <module>.jar}) and the log file. */
    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The PostgreSQL database the service owns, if it has one. */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    /** The environment variable through which the gateway learns this service's base URI, if it routes to it. */
    public Optional<String> gatewayUriVariable() {
        return Optional.ofNullable(gatewayUriVariable);
    }

    /** Finds a service by its module name. */
    public static Optional<Service> ofModule(String module) {
        for (var service : values()) {
            if (service.module.equals(module)) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }
}
