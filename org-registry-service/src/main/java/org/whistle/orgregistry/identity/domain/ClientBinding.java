package org.whistle.orgregistry.identity.domain;

import java.util.List;
import org.whistle.security.Role;

/**
 * What a client-credentials client (a department system, a command-centre integration) acts as: one unit, one role
 * and the nodes it acts for. Its tokens carry exactly these.
 */
public record ClientBinding(String clientId, String unit, Role role, List<String> scope, boolean enabled) {

    public ClientBinding {
        scope = List.copyOf(scope);
    }

    public ClientBinding disable() {
        return new ClientBinding(clientId, unit, role, scope, false);
    }
}
