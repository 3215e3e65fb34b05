package org.whistle.orgregistry.identity.domain;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.whistle.orgregistry.bounds.TextBounds;

/**
 * The rules on what people type when an account or client is made: each check answers the problem in words, or
 * nothing when the value is fine.
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

    public static Optional<String> username(String username) {
        if (!NAME.matcher(username).matches()) {
            return Optional.of(
                    "must be 2 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
        return RESERVED.contains(username) ? Optional.of("'" + username + "' is reserved") : Optional.empty();
    }

    public static Optional<String> clientId(String clientId) {
        if (!CLIENT_ID.matcher(clientId).matches()) {
            return Optional.of("must be 3 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return RESERVED.contains(clientId) ? Optional.of("'" + clientId + "' is reserved") : Optional.empty();
    }

    public static Optional<String> password(String password) {
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            return Optional.of("must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Optional.of("must be at most " + MAX_PASSWORD_BYTES + " bytes");
        }
        if (password.isBlank()) {
            return Optional.of("must not be blank");
        }
        return Optional.empty();
    }

    public static Optional<String> displayName(String displayName) {
        if (displayName.isBlank()) {
            return Optional.of("must be 1 to " + TextBounds.NAME + " characters");
        }
        return Optional.ofNullable(TextBounds.nameProblem(displayName, TextBounds.NAME));
    }

    public static Optional<String> phone(String phone) {
        return Phone.isValid(phone)
                ? Optional.empty()
                : Optional.of("must be a mainland mobile number of 11 digits like 13812345678");
    }
}
