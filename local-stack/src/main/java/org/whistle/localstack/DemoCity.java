package org.whistle.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo city ({@code demo/} in the repository, packed into this launcher) unpacked into the data folder, where
 * org-registry seeds it from, and its accounts for the banner. Unpacked on every start so a newer launcher brings
 * newer files; the registry seeds only into an empty database, so existing data is never overwritten.
 */
final class DemoCity {

    static final String RESOURCE_ROOT = "org/whistle/localstack/demo/";
    static final List<String> FILES = List.of(
            "accounts.json",
            "members.json",
            "wechat-residents.json",
            "city/nodes.csv",
            "city/grids.geojson",
            "city/party-orgs.csv",
            "city/units.csv",
            "city/categories.csv",
            "city/routing-rules.csv",
            "city/deadline-policies.csv",
            "city/gazetteer.csv",
            "city/calendars.csv",
            "city/holidays-2026.csv",
            "city/holidays-2027.csv");

    private DemoCity() {}

    /** A demo account as the banner shows it: who, with which secret, as what, where. */
    record Account(String name, String secret, String roles, String scope, boolean client) {}

    static Path unpack(Path target) {
        try {
            for (var file : FILES) {
                var destination = target.resolve(file);
                Files.createDirectories(destination.getParent());
                try (var in = resource(file)) {
                    Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the demo city into " + target, e);
        }
    }

    static List<Account> accounts() {
        JsonNode root;
        try (var in = resource("accounts.json")) {
            root = JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var accounts = new ArrayList<Account>();
        for (var user : root.path("users").values()) {
            accounts.add(new Account(
                    user.path("username").asString(),
                    user.path("password").asString(),
                    String.join(",", texts(user.path("roles"))),
                    String.join(",", texts(user.path("scope"))),
                    false));
        }
        for (var client : root.path("clients").values()) {
            accounts.add(new Account(
                    client.path("clientId").asString(),
                    client.path("secret").asString(),
                    client.path("role").asString(),
                    String.join(",", texts(client.path("scope"))),
                    true));
        }
        return accounts;
    }

    private static List<String> texts(JsonNode array) {
        return array.values().stream().map(JsonNode::asString).toList();
    }

    private static InputStream resource(String file) throws IOException {
        var in = DemoCity.class.getClassLoader().getResourceAsStream(RESOURCE_ROOT + file);
        if (in == null) {
            throw new IOException("the launcher lacks the demo file " + file);
        }
        return in;
    }
}
