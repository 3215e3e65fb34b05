package org.whistle.orgregistry.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.whistle.orgregistry.identity.domain.Account;
import org.whistle.orgregistry.identity.domain.AccountId;
import org.whistle.orgregistry.identity.domain.Phone;
import org.whistle.orgregistry.identity.domain.Post;
import org.whistle.orgregistry.identity.domain.PostKind;
import org.whistle.orgregistry.identity.domain.Profile;
import org.whistle.security.Role;

/** Stores accounts with their scope and posts; the password hash is read and written only on its own. */
@Component
class Accounts {

    private static final String SELECT = """
            SELECT a.id, a.username, a.display_name, a.phone, a.roles, a.unit_code, a.enabled, a.locked,
                   ARRAY(SELECT s.node_code FROM account_scope s WHERE s.account_id = a.id ORDER BY s.node_code) AS scope,
                   ARRAY(SELECT p.post || ' ' || p.node_code FROM account_post p
                         WHERE p.account_id = a.id ORDER BY p.post, p.node_code) AS posts
            FROM account a
            """;

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> find(String username) {
        return jdbc.sql(SELECT + " WHERE a.username = ?")
                .param(username)
                .query(Accounts::account)
                .optional();
    }

    Optional<Account> findById(AccountId id) {
        return jdbc.sql(SELECT + " WHERE a.id = ?")
                .param(id.value())
                .query(Accounts::account)
                .optional();
    }

    /** Accounts holding {@code role}, and acting for some node inside {@code node}'s subtree; either may be absent. */
    List<Account> list(@Nullable Role role, @Nullable String node) {
        return jdbc.sql(SELECT + """
                         WHERE (CAST(:role AS text) IS NULL OR CAST(:role AS text) = ANY(a.roles))
                           AND (CAST(:node AS text) IS NULL OR EXISTS (
                                 SELECT 1 FROM account_scope s JOIN org_node n ON n.code = s.node_code
                                 WHERE s.account_id = a.id
                                   AND n.path LIKE (SELECT path FROM org_node WHERE code = :node) || '%'))
                         ORDER BY a.username
                        """)
                .param("role", role == null ? null : role.name())
                .param("node", node)
                .query(Accounts::account)
                .list();
    }

    boolean anyEnabledAdministrator() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM account WHERE enabled AND ? = ANY(roles))")
                .param(Role.ADMINISTRATOR.name())
                .query(Boolean.class)
                .single();
    }

    Optional<String> passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM account WHERE username = ?")
                .param(username)
                .query(String.class)
                .optional();
    }

    void insert(Account account, String passwordHash, Instant now) {
        var profile = account.profile();
        jdbc.sql("""
                        INSERT INTO account (id, username, password_hash, display_name, phone, roles, unit_code, enabled,
                                             locked, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        account.id().value(),
                        account.username(),
                        passwordHash,
                        profile.displayName(),
                        profile.phone() == null ? null : profile.phone().digits(),
                        roles(profile),
                        profile.unit(),
                        account.enabled(),
                        account.locked(),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        writeScopeAndPosts(account);
    }

    void update(Account account, Instant now) {
        var profile = account.profile();
        jdbc.sql("""
                        UPDATE account SET display_name = ?, phone = ?, roles = ?, unit_code = ?, enabled = ?, locked = ?,
                                           updated_at = ?
                        WHERE id = ?
                        """)
                .params(
                        profile.displayName(),
                        profile.phone() == null ? null : profile.phone().digits(),
                        roles(profile),
                        profile.unit(),
                        account.enabled(),
                        account.locked(),
                        Timestamp.from(now),
                        account.id().value())
                .update();
        jdbc.sql("DELETE FROM account_scope WHERE account_id = ?")
                .param(account.id().value())
                .update();
        jdbc.sql("DELETE FROM account_post WHERE account_id = ?")
                .param(account.id().value())
                .update();
        writeScopeAndPosts(account);
    }

    void updatePassword(AccountId id, String passwordHash, Instant now) {
        jdbc.sql("UPDATE account SET password_hash = ?, updated_at = ? WHERE id = ?")
                .params(passwordHash, Timestamp.from(now), id.value())
                .update();
    }

    private void writeScopeAndPosts(Account account) {
        for (var node : account.profile().scope()) {
            jdbc.sql("INSERT INTO account_scope (account_id, node_code) VALUES (?, ?)")
                    .params(account.id().value(), node)
                    .update();
        }
        for (var post : account.profile().posts()) {
            jdbc.sql("INSERT INTO account_post (account_id, post, node_code) VALUES (?, ?, ?)")
                    .params(account.id().value(), post.kind().name(), post.node())
                    .update();
        }
    }

    private static String[] roles(Profile profile) {
        return profile.roles().stream().map(Role::name).toArray(String[]::new);
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        var phone = rs.getString("phone");
        var posts = strings(rs.getArray("posts")).stream()
                .map(entry -> entry.split(" ", 2))
                .map(parts -> new Post(PostKind.valueOf(parts[0]), parts[1]))
                .toList();
        var profile = new Profile(
                rs.getString("display_name"),
                phone == null ? null : new Phone(phone),
                strings(rs.getArray("roles")).stream().map(Role::valueOf).toList(),
                strings(rs.getArray("scope")),
                rs.getString("unit_code"),
                posts);
        return new Account(
                new AccountId(rs.getObject("id", UUID.class)),
                rs.getString("username"),
                profile,
                rs.getBoolean("enabled"),
                rs.getBoolean("locked"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
