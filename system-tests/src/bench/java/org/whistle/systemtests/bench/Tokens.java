package org.whistle.systemtests.bench;

import java.net.URI;
import org.whistle.systemtests.DemoAccounts;
import org.whistle.systemtests.DemoLogin;

/**
 * Tokens of the demo city's accounts, got through the gateway as people and systems get them — a person by signing in
 * with authorization code + PKCE on the public client, a unit system by client credentials — with the system tests'
 * {@link DemoLogin}, which keeps each token until a minute before it expires.
 */
final class Tokens {

    private final DemoLogin login;

    Tokens(URI gateway) {
        this.login = new DemoLogin(gateway, DemoAccounts.load());
    }

    /** A token of the demo user or client named {@code account}. */
    String of(String account) {
        return login.token(account);
    }
}
