package org.whistle.intake.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.whistle.intake.IntakeProperties;

/** The API keys Open311 clients send as {@code api_key}: required to post, and they open descriptions on reads. */
@Service
public class ApiKeys {

    private final IntakeProperties.Open311 settings;

    ApiKeys(IntakeProperties properties) {
        this.settings = properties.open311();
    }

    /** Whether the key is one the city issued. */
    public boolean known(@Nullable String key) {
        return key != null
                && settings.apiKeys().stream()
                        .anyMatch(known -> MessageDigest.isEqual(
                                known.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8)));
    }

    /** Refuses a call without a known key (the spec's 403). */
    public void require(@Nullable String key) {
        if (key == null || key.isBlank()) {
            throw new Open311Exception(403, "api_key is required");
        }
        if (!known(key)) {
            throw new Open311Exception(403, "api_key is not valid");
        }
    }
}
