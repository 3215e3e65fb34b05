package org.whistle.intake.memberphotos;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code whistle.intake.members.*}: where intake reads the members' result photos, and as which client of
 * org-registry (the client-credentials grant; the client holds the {@code SERVICE} role).
 *
 * @param uri members-service's own address (not the gateway's: the photos are on an {@code /internal} path); without
 *     it, members' photos are not shown, as before
 * @param tokenUri org-registry's token endpoint
 * @param clientId this service's client
 * @param clientSecret its secret
 * @param timeout for connecting and for each answer (token or photo)
 * @param maxSize the largest photo accepted; members-service keeps none larger than 3 MiB
 */
@ConfigurationProperties("whistle.intake.members")
public record MembersPhotosProperties(
        @Nullable URI uri,
        @Nullable URI tokenUri,
        @DefaultValue("intake-service") String clientId,
        @Nullable String clientSecret,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("3MB") DataSize maxSize) {

    boolean configured() {
        return uri != null && tokenUri != null && clientSecret != null && !clientSecret.isBlank();
    }
}
