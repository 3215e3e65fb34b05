package org.whistle.intake.raising;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.whistle.intake.IntakeProperties;
import org.whistle.intake.raising.domain.TrackingCodes;

/**
 * The tracking codes reporters follow their whistles with, under the key in {@code whistle.intake.tracking-key}
 * ({@code WHISTLE_TRACKING_KEY}, base64 of at least 256 bits); the service does not start without it. The code is a
 * secret of the reporter's: it goes into the raise answer and, through notification-service, into messages to the
 * reporter's own phone — never into events, staff views or logs. The database keeps only its hash.
 */
@Component
public class ReporterCodes {

    private final TrackingCodes codes;
    private final ZoneId zone;

    ReporterCodes(IntakeProperties properties) {
        var configured = properties.trackingKey();
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException(
                    "whistle.intake.tracking-key (WHISTLE_TRACKING_KEY) must be set to base64"
                            + " of a 256-bit key, e.g. `openssl rand -base64 32`; reporters' tracking codes are derived from it");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("whistle.intake.tracking-key is not base64", e);
        }
        try {
            this.codes = new TrackingCodes(properties.trackingPrefix(), key);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("whistle.intake.tracking-key: " + e.getMessage(), e);
        }
        this.zone = properties.zone();
    }

    /** The code of a whistle raised at this instant. */
    public String codeFor(UUID whistleId, Instant raisedAt) {
        return codes.codeFor(whistleId, LocalDate.ofInstant(raisedAt, zone));
    }

    /** What the database keeps of a code. */
    public static byte[] hash(String code) {
        return TrackingCodes.hash(code);
    }

    /**
     * The whistle's code when this key derives it; empty for a whistle raised before codes were derived (its random
     * code survives only as the hash, and only its reporter knows it).
     */
    public Optional<String> recover(UUID whistleId, Instant raisedAt, byte[] storedHash) {
        var code = codeFor(whistleId, raisedAt);
        return MessageDigest.isEqual(hash(code), storedHash) ? Optional.of(code) : Optional.empty();
    }
}
