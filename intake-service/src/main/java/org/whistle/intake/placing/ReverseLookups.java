package org.whistle.intake.placing;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.whistle.events.GeoPoint;
import org.whistle.events.OrgUnitChanged;
import org.whistle.intake.IntakeProperties;
import org.whistle.intake.placing.domain.PlaceNames;
import org.whistle.intake.raising.domain.CityExtent;
import org.whistle.intake.raising.domain.Place;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import org.whistle.orgreference.domain.geography.ChinaCoordinates;
import org.whistle.orgreference.domain.geography.CoordinateSystem;
import org.whistle.problems.InvalidInputException;
import org.whistle.texts.Phrase;

/**
 * The raise page's reverse lookup: the chosen point's place in words (建华区卜奎街道将军府社区将军府小区，卜奎大街附近),
 * from the grid it lies in and the geocoder's roads and landmarks around it — what the 12345 apps show under the pin.
 * Anyone raising a whistle may ask; each client address is limited ({@code rate-limits.reverse-lookups-per-address}).
 * Only the city's own names are answered, never whistles or people.
 */
@Service
public class ReverseLookups {

    /** Roads and landmarks named after the place: a few say where it is; more is a list nobody reads. */
    static final int MAX_NEARBY = 3;

    private static final Set<String> IN_ADDRESS = Set.of("DISTRICT", "STREET", "COMMUNITY", "COMPOUND");

    private final OrgReferenceCopy org;
    private final Geocoder geocoder;
    private final CityExtent extent;

    ReverseLookups(OrgReferenceCopy org, Geocoder geocoder, IntakeProperties properties) {
        this.org = org;
        this.geocoder = geocoder;
        this.extent = properties.extent().toCityExtent();
    }

    /**
     * The place at a point.
     *
     * @param address the place in words, or absent where no grid of the city covers the point
     * @param nearby roads and landmarks around it, most specific first
     */
    public record Address(
            double lat,
            double lng,
            @Nullable String address,
            @Nullable Place district,
            @Nullable Place street,
            @Nullable Place community,
            @Nullable Place grid,
            List<String> nearby) {}

    /** @throws InvalidInputException naming {@code lat}, {@code lng}, {@code crs} or {@code location} */
    public Address at(double lat, double lng, @Nullable String crs) {
        CoordinateSystem system;
        try {
            system = crs == null || crs.isBlank() ? CoordinateSystem.WGS84 : CoordinateSystem.parse(crs);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(
                    "crs", Phrase.of("refusal.oneOf", "choices", Phrase.names("crs", CoordinateSystem.class)));
        }
        if (!(lat >= -90 && lat <= 90)) {
            throw InvalidInputException.of("lat", Phrase.of("intake.refusal.latitude"));
        }
        if (!(lng >= -180 && lng <= 180)) {
            throw InvalidInputException.of("lng", Phrase.of("intake.refusal.longitude"));
        }
        var point = ChinaCoordinates.toWgs84(lat, lng, system);
        if (!extent.contains(point)) {
            throw InvalidInputException.of("location", Phrase.of("intake.refusal.pickAgain"));
        }
        return org.locate(point).map(located -> address(point, located)).orElseGet(() -> unnamed(point));
    }

    private Address address(GeoPoint point, OrgReferenceCopy.Location located) {
        var chain = located.ancestry();
        var nearby = geocoder.reverse(located).stream()
                .map(PlaceNames.Name::text)
                .distinct()
                .limit(MAX_NEARBY)
                .toList();
        var words = chain.stream()
                .filter(node -> IN_ADDRESS.contains(node.kind()))
                .map(OrgUnitChanged::name)
                .collect(Collectors.joining());
        var text = nearby.isEmpty() ? words : words + "，" + nearby.getFirst() + "附近";
        return new Address(
                point.lat(),
                point.lng(),
                text.isEmpty() ? located.grid().name() : text,
                ofKind(chain, "DISTRICT"),
                ofKind(chain, "STREET"),
                ofKind(chain, "COMMUNITY"),
                new Place(located.grid().unitId(), located.grid().name()),
                nearby);
    }

    private static Address unnamed(GeoPoint point) {
        return new Address(point.lat(), point.lng(), null, null, null, null, null, List.of());
    }

    private static @Nullable Place ofKind(List<OrgUnitChanged> chain, String kind) {
        return chain.stream()
                .filter(node -> kind.equals(node.kind()))
                .findFirst()
                .map(node -> new Place(node.unitId(), node.name()))
                .orElse(null);
    }
}
