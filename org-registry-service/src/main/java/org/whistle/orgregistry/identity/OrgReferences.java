package org.whistle.orgregistry.identity;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which node and unit codes exist, asked once per request or import rather than once per code. */
@Component
class OrgReferences {

    private final JdbcClient jdbc;

    OrgReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Known known(Collection<String> nodes, Collection<String> units) {
        return new Known(existing("org_node", nodes), existing("handling_unit", units));
    }

    private Set<String> existing(String table, Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT code FROM " + table + " WHERE code = ANY(?)")
                .param(codes.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    /** The codes among those asked about that exist. */
    record Known(Set<String> nodes, Set<String> units) {}
}
