package org.whistle.orgregistry.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.whistle.orgregistry.identity.domain.ClientBinding;
import org.whistle.security.Role;

/** Stores what each client-credentials client acts as. */
@Component
class ClientBindings {

    private static final String SELECT = """
            SELECT b.client_id, b.unit_code, b.role, b.enabled,
                   ARRAY(SELECT s.node_code FROM client_binding_scope s
                         WHERE s.client_id = b.client_id ORDER BY s.node_code) AS scope
            FROM client_binding b
            """;

    private final JdbcClient jdbc;

    ClientBindings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ClientBinding> find(String clientId) {
        return jdbc.sql(SELECT + " WHERE b.client_id = ?")
                .param(clientId)
                .query(ClientBindings::binding)
                .optional();
    }

    List<ClientBinding> list() {
        return jdbc.sql(SELECT + " ORDER BY b.client_id")
                .query(ClientBindings::binding)
                .list();
    }

    void save(ClientBinding binding, Instant now) {
        jdbc.sql("""
                        INSERT INTO client_binding (client_id, unit_code, role, enabled, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (client_id) DO UPDATE
                        SET unit_code = excluded.unit_code, role = excluded.role, enabled = excluded.enabled,
                            updated_at = excluded.updated_at
                        """)
                .params(
                        binding.clientId(),
                        binding.unit(),
                        binding.role().name(),
                        binding.enabled(),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        jdbc.sql("DELETE FROM client_binding_scope WHERE client_id = ?")
                .param(binding.clientId())
                .update();
        for (var node : binding.scope()) {
            jdbc.sql("INSERT INTO client_binding_scope (client_id, node_code) VALUES (?, ?)")
                    .params(binding.clientId(), node)
                    .update();
        }
    }

    private static ClientBinding binding(ResultSet rs, int row) throws SQLException {
        return new ClientBinding(
                rs.getString("client_id"),
                rs.getString("unit_code"),
                Role.valueOf(rs.getString("role")),
                Arrays.asList((String[]) rs.getArray("scope").getArray()),
                rs.getBoolean("enabled"));
    }
}
