package org.whistle.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's edge settings ({@code whistle.gateway.*}); the defaults live in {@code application.yml}.
 *
 * @param trustedProxies addresses ({@code 10.0.0.7}) or ranges ({@code 10.42.0.0/16}) of the proxies in front of the
 *     gateway (the ingress controller) whose {@code X-Forwarded-For} is believed; anyone else is keyed by the socket
 *     address
 * @param publicUrl the address people open the platform at ({@code https://whistle.example.gov.cn}), without a
 *     trailing slash; org-registry returns people there after they sign in. Unset, each request's own address is
 *     used, which is right only when the gateway sees the same address the browser does.
 */
@ConfigurationProperties("whistle.gateway")
public record EdgeProperties(
        List<String> trustedProxies,
        RateLimits rateLimits,
        RequestSize requestSize,
        Cors cors,
        Resilience resilience,
        Console console,
        @Nullable String publicUrl) {

    public EdgeProperties {
        if (publicUrl != null && publicUrl.isBlank()) {
            publicUrl = null;
        }
        if (publicUrl != null && publicUrl.endsWith("/")) {
            publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
    }

    /** Cookies are marked Secure when people reach the platform over HTTPS, as they must in production. */
    public boolean servedOverTls() {
        return publicUrl != null && publicUrl.startsWith("https://");
    }

    /**
     * The coarse per-client-address limits: on the anonymous routes (POST /api/whistles/**, /open311/v2/**), and on
     * signing in (org-registry's login page and its form).
     */
    public record RateLimits(
            int anonymousLimitForPeriod, Duration anonymousPeriod, int signInLimitForPeriod, Duration signInPeriod) {}

    /**
     * Largest request body accepted: multipart uploads (photos, video) on the upload paths, organisation imports on
     * the import paths, and everything else. {@code RequestSizeFilter} states why no accepted body can make an event
     * larger than the broker takes.
     */
    public record RequestSize(
            DataSize uploads, List<String> uploadPaths, DataSize imports, List<String> importPaths, DataSize other) {}

    /** Front-end origins allowed to call the API from a browser; empty means no CORS at all. */
    public record Cors(List<String> allowedOrigins) {}

    /**
     * Settings of the console pages the gateway serves.
     *
     * @param mapTileUrl the base-map tile template for the dashboard map, e.g. Tianditu's WMTS with the city's key;
     *     empty for the grid polygons alone
     * @param mapAttribution the attribution the tile provider requires (审图号 and the provider's name)
     * @param mapTileSubdomains the values {@code {s}} in the template takes, e.g. {@code 01234567} for Tianditu
     * @param mapCoordinates the datum the tiles are drawn in: {@code WGS84} (Tianditu's CGCS2000, OpenStreetMap) or
     *     {@code GCJ02} (Gaode, Tencent); the pages shift the grids and points, which are WGS-84, to match
     * @param mapTileFolder a folder of {@code <z>/<x>/<y>.png} tiles the gateway serves at {@code /map-tiles/} for
     *     networks without internet; set instead of {@code mapTileUrl}, never with it
     */
    public record Console(
            @Nullable String mapTileUrl,
            @Nullable String mapAttribution,
            @Nullable String mapTileSubdomains,
            @Nullable MapCoordinates mapCoordinates,
            @Nullable String mapTileFolder) {

        /** Where the offline tiles are served; the pages' policy allows this site's images already. */
        public static final String LOCAL_TILES = "/map-tiles/{z}/{x}/{y}.png";

        public Console {
            if (mapTileUrl != null && mapTileUrl.isBlank()) {
                mapTileUrl = null;
            }
            if (mapTileFolder != null && mapTileFolder.isBlank()) {
                mapTileFolder = null;
            }
            if (mapTileUrl != null && mapTileFolder != null) {
                throw new IllegalArgumentException("Set whistle.gateway.console.map-tile-url or map-tile-folder, not"
                        + " both: one base map per deployment");
            }
            if (mapCoordinates == null) {
                mapCoordinates = MapCoordinates.WGS84;
            }
        }

        /** The folder of offline tiles, or null when the base map comes from a tile server or there is none. */
        public @Nullable Path tileFolder() {
            return mapTileFolder == null ? null : Path.of(mapTileFolder);
        }

        /** The tile template the pages load: the tile server's, the local folder's, or none. */
        public @Nullable String tileTemplate() {
            return mapTileFolder != null ? LOCAL_TILES : mapTileUrl;
        }
    }

    /** The datum a base map's tiles are drawn in. */
    public enum MapCoordinates {
        /** WGS-84 or CGCS2000 (Tianditu): the grids and GPS points as they are. */
        WGS84,
        /** GCJ-02, the offset datum of Gaode and Tencent maps: points are shifted before they are drawn. */
        GCJ02
    }

    /** Circuit breaker and time limit applied to every route except the SSE streams. */
    public record Resilience(
            Duration timeLimit,
            float failureRateThreshold,
            int slidingWindowSize,
            int minimumNumberOfCalls,
            Duration waitInOpenState,
            @Nullable Duration maxWaitInOpenState,
            Duration retryAfter,
            int maxConcurrentCalls) {

        /**
         * The first wait after a breaker opens is short, since a service restarted by its orchestrator is back in
         * seconds; each time a probe fails it doubles, up to {@code maxWaitInOpenState} (by default no longer).
         */
        public Duration longestWaitInOpenState() {
            return maxWaitInOpenState == null || maxWaitInOpenState.compareTo(waitInOpenState) < 0
                    ? waitInOpenState
                    : maxWaitInOpenState;
        }
    }
}
