package org.whistle.orgregistry.identity;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * Every stored client, disabled ones included, for managing them; the authorization server itself sees them
 * through {@link BoundClients}. Not a {@link RegisteredClientRepository} bean, so the server finds only one.
 */
@Component
class JdbcRegisteredClients {

    private final RegisteredClientRepository repository;

    JdbcRegisteredClients(JdbcOperations jdbc) {
        this.repository = new JdbcRegisteredClientRepository(jdbc);
    }

    RegisteredClientRepository repository() {
        return repository;
    }
}
