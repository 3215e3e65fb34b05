package org.whistle.intake.open311;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import org.whistle.intake.IntakeProperties;

/**
 * Links to a whistle's photos for the Open311 clients that may see them (those with a key): signed and expiring, so
 * the link opens the photo without the client's key in a URL, and stops opening after a day. Signed under a key
 * derived from the tracking key (a label keeps the two uses apart), so no further secret has to be configured.
 */
@Component
public class MediaLinks {

    static final Duration VALID_FOR = Duration.ofHours(24);
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;

    MediaLinks(IntakeProperties properties, Clock clock) {
        this.clock = clock;
        var tracking = properties.trackingKey();
        if (tracking == null || tracking.isBlank()) {
            throw new IllegalStateException("whistle.intake.tracking-key must be set");
        }
        this.key = new SecretKeySpec(
                mac(new SecretKeySpec(Base64.getDecoder().decode(tracking.strip()), ALGORITHM), "open311-media-links"),
                ALGORITHM);
    }

    /** @param endpoint the façade's address, ending in {@code /open311/v2/} */
    public String link(String endpoint, String mediaId) {
        // Whole hours: the same photo has the same link for an hour, so clients and caches can keep it.
        long expires =
                clock.instant().plus(VALID_FOR).truncatedTo(ChronoUnit.HOURS).getEpochSecond();
        return endpoint + "media/" + mediaId + "?expires=" + expires + "&signature=" + signature(mediaId, expires);
    }

    public boolean valid(String mediaId, long expires, String signature) {
        if (clock.instant().getEpochSecond() > expires) {
            return false;
        }
        return MessageDigest.isEqual(
                signature(mediaId, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(String mediaId, long expires) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(key, mediaId + "|" + expires));
    }

    private static byte[] mac(SecretKeySpec key, String text) {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
