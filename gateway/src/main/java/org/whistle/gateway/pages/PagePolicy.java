package org.whistle.gateway.pages;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * The Content-Security-Policy for the console's HTML pages: scripts, styles and calls only from this site; images
 * also from the configured base-map tile server (a {@code {s}} subdomain placeholder becomes a wildcard).
 * Everything else the gateway answers gets {@link #NOTHING}.
 */
public final class PagePolicy {

    /** For responses that are not pages: nothing may be loaded or framed. */
    public static final String NOTHING = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    private final String pages;

    public PagePolicy(@Nullable String mapTileUrl) {
        var tiles = tileOrigin(mapTileUrl);
        this.pages =
                "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data: blob:"
                        + (tiles == null ? "" : " " + tiles)
                        + "; media-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none';"
                        + " form-action 'self'";
    }

    public String forPages() {
        return pages;
    }

    static @Nullable String tileOrigin(@Nullable String mapTileUrl) {
        if (mapTileUrl == null || mapTileUrl.isBlank()) {
            return null;
        }
        var parsed = URI.create(mapTileUrl.replace("{s}", "subdomain").replaceAll("\\{[^}]*}", "x"));
        if (parsed.getScheme() == null || parsed.getHost() == null) {
            throw new IllegalArgumentException("The map tile URL must be absolute: " + mapTileUrl);
        }
        var host = mapTileUrl.contains("{s}") ? parsed.getHost().replace("subdomain", "*") : parsed.getHost();
        return parsed.getScheme() + "://" + host + (parsed.getPort() == -1 ? "" : ":" + parsed.getPort());
    }
}
