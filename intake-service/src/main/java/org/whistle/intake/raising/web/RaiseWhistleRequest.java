package org.whistle.intake.raising.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import org.whistle.intake.raising.RaiseWhistle;

/** The body of {@code POST /api/whistles}, as JSON or as the {@code whistle} part of a multipart request. */
record RaiseWhistleRequest(
        @Nullable String channel,
        @Nullable String category,
        @Nullable String description,
        @Nullable LocationInput location,
        @Nullable ReporterInput reporter,
        @Nullable String urgency) {

    /**
     * lat/lng in {@code crs} (WGS84 unless said), and/or the address as the reporter wrote it; for a hotline call
     * without coordinates, the address and the grid the dispatcher confirmed for it ({@code gridId}).
     */
    record LocationInput(
            @Nullable Double lat,
            @Nullable Double lng,
            @Nullable String crs,
            @Nullable String address,
            @Nullable String gridId) {}

    /** The reporter's phone; leave it out to stay anonymous (or when signed in). */
    record ReporterInput(@Nullable String phone) {}

    RaiseWhistle toCommand() {
        return new RaiseWhistle(
                channel,
                category,
                description,
                location == null ? null : location.lat(),
                location == null ? null : location.lng(),
                location == null ? null : location.crs(),
                location == null ? null : location.address(),
                reporter == null ? null : reporter.phone(),
                urgency,
                location == null ? null : location.gridId(),
                null);
    }

    /**
     * The same request from plain form fields: channel, category, description, lat, lng, crs, address, gridId, phone,
     * urgency.
     */
    static RaiseWhistleRequest fromForm(MultiValueMap<String, String> form) {
        Map<String, String> f = form.toSingleValueMap();
        return new RaiseWhistleRequest(
                f.get("channel"),
                f.get("category"),
                f.get("description"),
                new LocationInput(
                        number(f.get("lat")), number(f.get("lng")), f.get("crs"), f.get("address"), f.get("gridId")),
                new ReporterInput(f.get("phone")),
                f.get("urgency"));
    }

    private static @Nullable Double number(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
