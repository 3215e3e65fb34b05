package org.whistle.orgregistry.identity;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.orgregistry.identity.domain.ClientBinding;
import org.whistle.orgregistry.identity.domain.Profile;
import org.whistle.orgregistry.importing.CsvTable;
import org.whistle.orgregistry.importing.ImportErrors;
import org.whistle.problems.ImportRejectedException;
import org.whistle.problems.RowError;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports accounts ({@code accounts.json}: users with posts, and clients) and users ({@code users.csv}), as
 * docs/org-data-formats.md describes them. All or nothing: every bad entry is reported and none is stored. Existing
 * usernames and client ids are updated to match the file, so importing the same file again changes nothing. Runs in
 * the caller's transaction when there is one, so a seed of several files is all or nothing too.
 */
@Service
public class ImportingAccounts {

    static final List<String> USER_COLUMNS =
            List.of("username", "password", "display_name", "phone", "roles", "scope", "unit");

    private final Accounts accounts;
    private final ManagingAccounts managing;
    private final ManagingClients clients;
    private final OrgReferences references;
    private final JsonMapper json;

    ImportingAccounts(
            Accounts accounts,
            ManagingAccounts managing,
            ManagingClients clients,
            OrgReferences references,
            JsonMapper json) {
        this.accounts = accounts;
        this.managing = managing;
        this.clients = clients;
        this.references = references;
        this.json = json;
    }

    /** How many entries an import stored (created or updated to match). */
    public record ImportedAccounts(int users, int clients) {}

    @Transactional(propagation = Propagation.REQUIRED)
    public ImportedAccounts importAccountsJson(String fileName, InputStream content) {
        JsonNode root;
        try (content) {
            root = json.readTree(content);
        } catch (JacksonException | IOException e) {
            throw new ImportRejectedException(
                    List.of(new RowError(fileName, 1, null, Phrase.of("orgregistry.refusal.importNotJson"))));
        }
        var errors = new ImportErrors();
        if (root == null || !root.isObject()) {
            errors.add(new RowError(fileName, 1, null, Phrase.of("orgregistry.refusal.importAccountsShape")));
            errors.throwIfAny();
        }
        var users = new ArrayList<UserEntry>();
        var userNodes = array(root, "users", fileName, errors);
        for (int i = 0; i < userNodes.size(); i++) {
            var entry = new Entry(fileName, i + 1, "users[" + i + "].", errors);
            users.add(new UserEntry(entry, userInput(userNodes.get(i), entry)));
        }
        var clientEntries = new ArrayList<ClientEntry>();
        var clientNodes = array(root, "clients", fileName, errors);
        for (int i = 0; i < clientNodes.size(); i++) {
            var node = clientNodes.get(i);
            var entry = new Entry(fileName, i + 1, "clients[" + i + "].", errors);
            if (!node.isObject()) {
                entry.problem(new Violation("", "must be an object"));
                continue;
            }
            clientEntries.add(new ClientEntry(
                    entry,
                    text(node, "clientId", entry),
                    text(node, "secret", entry),
                    text(node, "unit", entry),
                    text(node, "role", entry),
                    texts(node, "scope", entry)));
        }
        var checkedUsers = checkUsers(users);
        var checkedClients = checkClients(clientEntries);
        errors.throwIfAny();
        checkedUsers.forEach(this::store);
        checkedClients.forEach(client -> clients.store(
                client.binding(),
                clients.hasSecret(client.binding().clientId(), client.secret()) ? null : client.secret()));
        return new ImportedAccounts(checkedUsers.size(), checkedClients.size());
    }

    /** Imports {@code users.csv}; existing users keep their posts, which the CSV format does not carry. */
    @Transactional(propagation = Propagation.REQUIRED)
    public ImportedAccounts importUsersCsv(String fileName, InputStream content) {
        var table = CsvTable.read(fileName, content, USER_COLUMNS);
        var errors = new ImportErrors();
        var users = new ArrayList<UserEntry>();
        for (var row : table.rows()) {
            var entry = new Entry(fileName, row.row(), "", errors, true);
            users.add(new UserEntry(
                    entry,
                    new AccountInput(
                            row.optional("username"),
                            row.cells().get("password"),
                            row.optional("display_name"),
                            row.optional("phone"),
                            row.list("roles"),
                            row.list("scope"),
                            row.optional("unit"),
                            null)));
        }
        var checked = checkUsers(users);
        errors.throwIfAny();
        checked.forEach(this::store);
        return new ImportedAccounts(checked.size(), 0);
    }

    private List<CheckedUser> checkUsers(List<UserEntry> entries) {
        var nodes = new HashSet<String>();
        var units = new HashSet<String>();
        entries.forEach(entry -> {
            nodes.addAll(entry.input().nodeCodes());
            units.addAll(entry.input().unitCodes());
        });
        var known = references.known(nodes, units);
        var seen = new HashSet<String>();
        var checked = new ArrayList<CheckedUser>();
        for (var entry : entries) {
            var input = entry.input();
            var before = entry.entry().count();
            AccountChecks.username(input.username(), entry.entry()::problem);
            AccountChecks.password(input.password(), "password", entry.entry()::problem);
            var profile = AccountChecks.profile(input, known, entry.entry()::problem);
            if (input.username() != null && !seen.add(input.username().trim())) {
                entry.entry().problem(new Violation("username", "appears more than once in the file"));
            }
            if (profile != null && entry.entry().count() == before) {
                checked.add(new CheckedUser(input.username().trim(), input.posts() != null, input.password(), profile));
            }
        }
        return checked;
    }

    private List<CheckedClient> checkClients(List<ClientEntry> entries) {
        var nodes = new HashSet<String>();
        var units = new HashSet<String>();
        entries.forEach(entry -> {
            if (entry.scope() != null) {
                nodes.addAll(entry.scope());
            }
            if (entry.unit() != null) {
                units.add(entry.unit());
            }
        });
        var known = references.known(nodes, units);
        var seen = new HashSet<String>();
        var checked = new ArrayList<CheckedClient>();
        for (var entry : entries) {
            var before = entry.entry().count();
            AccountChecks.password(entry.secret(), "secret", entry.entry()::problem);
            var binding = AccountChecks.client(
                    entry.clientId(), entry.unit(), entry.role(), entry.scope(), known, entry.entry()::problem);
            if (entry.clientId() != null && !seen.add(entry.clientId())) {
                entry.entry().problem(new Violation("clientId", "appears more than once in the file"));
            }
            if (binding != null && entry.entry().count() == before && entry.secret() != null) {
                checked.add(new CheckedClient(binding, entry.secret()));
            }
        }
        return checked;
    }

    private void store(CheckedUser user) {
        var existing = accounts.find(user.username());
        if (existing.isEmpty()) {
            managing.create(user.username(), user.password(), user.profile());
            return;
        }
        var profile = user.hasPosts()
                ? user.profile()
                : user.profile().withPosts(existing.get().profile().posts());
        managing.reconcile(existing.get(), existing.get().withProfile(profile), user.password());
    }

    private static AccountInput userInput(JsonNode node, Entry entry) {
        if (!node.isObject()) {
            entry.problem(new Violation("", "must be an object"));
            return new AccountInput(null, null, null, null, null, null, null, null);
        }
        List<AccountInput.PostInput> posts = null;
        var postNodes = node.get("posts");
        if (postNodes != null && !postNodes.isNull()) {
            if (!postNodes.isArray()) {
                entry.problem(new Violation("posts", "must be an array"));
            } else {
                posts = new ArrayList<>();
                int i = 0;
                for (var post : postNodes.values()) {
                    var field = "posts[" + i++ + "]";
                    if (!post.isObject()) {
                        entry.problem(new Violation(field, "must be an object"));
                        continue;
                    }
                    posts.add(new AccountInput.PostInput(
                            text(post, "post", entry, field + ".post"), text(post, "node", entry, field + ".node")));
                }
            }
        }
        return new AccountInput(
                text(node, "username", entry),
                text(node, "password", entry),
                text(node, "displayName", entry),
                text(node, "phone", entry),
                texts(node, "roles", entry),
                texts(node, "scope", entry),
                text(node, "unit", entry),
                posts);
    }

    private static List<JsonNode> array(JsonNode root, String name, String file, ImportErrors errors) {
        var node = root.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new RowError(file, 1, name, Phrase.of("orgregistry.refusal.importNotAList")));
            return List.of();
        }
        return List.copyOf(node.values());
    }

    private static @Nullable String text(JsonNode node, String name, Entry entry) {
        return text(node, name, entry, name);
    }

    private static @Nullable String text(JsonNode node, String name, Entry entry, String field) {
        var value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            entry.problem(new Violation(field, "must be a string"));
            return null;
        }
        return value.stringValue();
    }

    private static @Nullable List<String> texts(JsonNode node, String name, Entry entry) {
        var value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray() || value.values().stream().anyMatch(item -> !item.isString())) {
            entry.problem(new Violation(name, "must be an array of strings"));
            return null;
        }
        return value.values().stream().map(JsonNode::stringValue).toList();
    }

    /**
     * One entry of a file, turning problems into row errors: JSON entries count from 1 within their array and name
     * the field by its path; CSV rows are numbered as in the file and name the column.
     */
    private static final class Entry implements Consumer<Violation> {

        private final String file;
        private final int number;
        private final String prefix;
        private final ImportErrors errors;
        private final boolean csv;
        private int count;

        Entry(String file, int number, String prefix, ImportErrors errors) {
            this(file, number, prefix, errors, false);
        }

        Entry(String file, int number, String prefix, ImportErrors errors, boolean csv) {
            this.file = file;
            this.number = number;
            this.prefix = prefix;
            this.errors = errors;
            this.csv = csv;
        }

        void problem(Violation violation) {
            accept(violation);
        }

        @Override
        public void accept(Violation violation) {
            count++;
            var field = csv ? column(violation.field()) : prefix + violation.field();
            errors.add(RowError.of(
                    file, number, field.endsWith(".") ? field.substring(0, field.length() - 1) : field, violation));
        }

        int count() {
            return count;
        }

        private static String column(String field) {
            return "displayName".equals(field) ? "display_name" : field;
        }
    }

    private record UserEntry(Entry entry, AccountInput input) {}

    private record ClientEntry(
            Entry entry,
            @Nullable String clientId,
            @Nullable String secret,
            @Nullable String unit,
            @Nullable String role,
            @Nullable List<String> scope) {}

    private record CheckedUser(String username, boolean hasPosts, String password, Profile profile) {}

    private record CheckedClient(ClientBinding binding, String secret) {}
}
