package org.whistle.orgregistry.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.whistle.orgregistry.identity.domain.AccountId;
import org.whistle.orgregistry.identity.domain.UpstreamIdentity;
import org.whistle.orgregistry.identity.domain.UpstreamLink;

/** Stores which upstream identity signs in which account ({@code account_upstream_link}). */
@Component
class UpstreamLinks {

    private static final String SELECT = """
            SELECT a.username, l.issuer, l.subject, l.linked_at
            FROM account_upstream_link l JOIN account a ON a.id = l.account_id
            """;

    private final JdbcClient jdbc;

    UpstreamLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The username of the account the identity is linked to. */
    Optional<String> account(UpstreamIdentity identity) {
        return jdbc.sql(SELECT + " WHERE l.issuer = ? AND l.subject = ?")
                .params(identity.issuer(), identity.subject())
                .query(UpstreamLinks::link)
                .optional()
                .map(UpstreamLink::username);
    }

    Optional<UpstreamLink> of(String username) {
        return jdbc.sql(SELECT + " WHERE a.username = ?")
                .param(username)
                .query(UpstreamLinks::link)
                .optional();
    }

    List<UpstreamLink> all() {
        return jdbc.sql(SELECT + " ORDER BY a.username")
                .query(UpstreamLinks::link)
                .list();
    }

    /**
     * Links the account unless it, or the identity, is linked already (two first sign-ins at once): answers whether
     * this call made the link.
     */
    boolean link(AccountId account, UpstreamIdentity identity, Instant now) {
        return jdbc.sql("""
                        INSERT INTO account_upstream_link (account_id, issuer, subject, linked_at)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING
                        """)
                        .params(account.value(), identity.issuer(), identity.subject(), Timestamp.from(now))
                        .update()
                == 1;
    }

    void unlink(AccountId account) {
        jdbc.sql("DELETE FROM account_upstream_link WHERE account_id = ?")
                .param(account.value())
                .update();
    }

    private static UpstreamLink link(ResultSet rs, int row) throws SQLException {
        return new UpstreamLink(
                rs.getString("username"),
                new UpstreamIdentity(rs.getString("issuer"), rs.getString("subject")),
                rs.getTimestamp("linked_at").toInstant());
    }
}
