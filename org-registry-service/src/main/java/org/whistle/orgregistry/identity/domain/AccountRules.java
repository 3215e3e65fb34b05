package org.whistle.orgregistry.identity.domain;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.whistle.orgregistry.bounds.TextBounds;
import org.whistle.texts.Phrase;

/**
 * The rules on what people type when an account or client is made: each check answers the problem by catalogue key
 * (ADR 0043), or nothing when the value is fine.
 */
public final class AccountRules {

    /** Long enough that guessing at the throttled rate is hopeless; bcrypt reads at most 72 bytes. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    public static final int MAX_PASSWORD_BYTES = 72;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,99}");

    /** Names the API uses as path segments or the first-party clients hold. */
    private static final Set<String> RESERVED = Set.of("me", "whistle-gateway", "whistle-console");

    private AccountRules() {}

    public static Optional<Phrase> username(String username) {
        if (!NAME.matcher(username).matches()) {
            return Optional.of(Phrase.of("orgregistry.refusal.username"));
        }
        return RESERVED.contains(username) ? Optional.of(Phrase.of("orgregistry.refusal.reserved")) : Optional.empty();
    }

    public static Optional<Phrase> clientId(String clientId) {
        if (!CLIENT_ID.matcher(clientId).matches()) {
            return Optional.of(Phrase.of("orgregistry.refusal.clientId"));
        }
        return RESERVED.contains(clientId) ? Optional.of(Phrase.of("orgregistry.refusal.reserved")) : Optional.empty();
    }

    public static Optional<Phrase> password(String password) {
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            return Optional.of(Phrase.of("orgregistry.refusal.passwordShort", "min", MIN_PASSWORD_LENGTH));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Optional.of(Phrase.of("orgregistry.refusal.passwordLong", "max", MAX_PASSWORD_BYTES));
        }
        if (password.isBlank()) {
            return Optional.of(Phrase.of("orgregistry.refusal.passwordBlank"));
        }
        return Optional.empty();
    }

    public static Optional<Phrase> displayName(String displayName) {
        if (displayName.isBlank()) {
            return Optional.of(Phrase.of("refusal.required"));
        }
        return Optional.ofNullable(TextBounds.nameProblem(displayName, TextBounds.NAME));
    }

    public static Optional<Phrase> phone(String phone) {
        return Phone.isValid(phone)
                ? Optional.empty()
                : Optional.of(Phrase.of("orgregistry.refusal.mobile", "example", "13812345678"));
    }
}
