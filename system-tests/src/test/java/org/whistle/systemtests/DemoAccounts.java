package org.whistle.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo city's accounts exactly as the local stack seeds them ({@code demo/accounts.json}, packed into the
 * launcher): one person per role, and the unit systems that sign in with client credentials.
 */
public final class DemoAccounts {

    private static final String RESOURCE = "org/whistle/localstack/demo/accounts.json";

    /** A demo person; {@code unit} is the handling unit they act for, if any. */
    public record User(
            String username,
            String password,
            String displayName,
            String phone,
            List<String> roles,
            List<String> scope,
            @Nullable String unit) {}

    /** A department system or Whistle service with a client-credentials client bound to a unit, role and scope. */
    public record Client(String clientId, String secret, String unit, String role, List<String> scope) {}

    private final List<User> users;
    private final List<Client> clients;

    private DemoAccounts(List<User> users, List<Client> clients) {
        this.users = users;
        this.clients = clients;
    }

    public static DemoAccounts load() {
        JsonNode root;
        try (var in = DemoAccounts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (it comes with local-stack)");
            }
            root = JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var users = root.path("users").values().stream()
                .map(user -> new User(
                        user.path("username").asString(),
                        user.path("password").asString(),
                        user.path("displayName").asString(),
                        user.path("phone").asString(),
                        texts(user.path("roles")),
                        texts(user.path("scope")),
                        user.path("unit").isNull() ? null : user.path("unit").asString()))
                .toList();
        var clients = root.path("clients").values().stream()
                .map(client -> new Client(
                        client.path("clientId").asString(),
                        client.path("secret").asString(),
                        client.path("unit").asString(),
                        client.path("role").asString(),
                        texts(client.path("scope"))))
                .toList();
        return new DemoAccounts(users, clients);
    }

    public List<User> users() {
        return users;
    }

    public List<Client> clients() {
        return clients;
    }

    public User user(String username) {
        return users.stream()
                .filter(user -> user.username().equals(username))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo user " + username));
    }

    public Client client(String clientId) {
        return clients.stream()
                .filter(client -> client.clientId().equals(clientId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo client " + clientId));
    }

    private static List<String> texts(JsonNode array) {
        return array.values().stream().map(JsonNode::asString).toList();
    }
}
