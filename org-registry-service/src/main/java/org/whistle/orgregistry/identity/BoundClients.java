package org.whistle.orgregistry.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The authorization server's view of registered clients: those stored by Spring Authorization Server, minus clients
 * whose binding an administrator disabled — they cannot authenticate, so they get no new tokens.
 */
class BoundClients implements RegisteredClientRepository {

    private final RegisteredClientRepository stored;
    private final ClientBindings bindings;

    BoundClients(RegisteredClientRepository stored, ClientBindings bindings) {
        this.stored = stored;
        this.bindings = bindings;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        stored.save(registeredClient);
    }

    @Override
    public @Nullable RegisteredClient findById(String id) {
        return usable(stored.findById(id));
    }

    @Override
    public @Nullable RegisteredClient findByClientId(String clientId) {
        return usable(stored.findByClientId(clientId));
    }

    private @Nullable RegisteredClient usable(@Nullable RegisteredClient client) {
        if (client == null) {
            return null;
        }
        var binding = bindings.find(client.getClientId());
        return binding.isPresent() && !binding.get().enabled() ? null : client;
    }
}
