package org.whistle.intake.placing;

import java.util.List;
import org.whistle.intake.placing.domain.PlaceNames;

/**
 * Finds places in the words of an address beyond the org tree's own names (roads, landmarks), each pointing at an org
 * node. The provider is chosen by {@code whistle.intake.geocoder.provider}: {@code gazetteer} (default, an offline
 * list of names, {@link GazetteerGeocoder}) or {@code none} (the org tree's names only).
 */
public interface Geocoder {

    /** The places found in the address, with where in it; none when it names nothing this geocoder knows. */
    List<PlaceNames.Found> find(String address);
}
