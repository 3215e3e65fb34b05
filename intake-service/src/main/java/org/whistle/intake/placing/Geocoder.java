package org.whistle.intake.placing;

import java.util.List;
import org.whistle.intake.placing.domain.PlaceNames;
import org.whistle.orgreference.copy.OrgReferenceCopy;

/**
 * Finds places in the words of an address beyond the org tree's own names (roads, landmarks), each pointing at an org
 * node. The provider is chosen by {@code whistle.intake.geocoder.provider}: {@code gazetteer} (default, an offline
 * list of names, {@link GazetteerGeocoder}) or {@code none} (the org tree's names only).
 */
public interface Geocoder {

    /** The places found in the address, with where in it; none when it names nothing this geocoder knows. */
    List<PlaceNames.Found> find(String address);

    /**
     * The reverse lookup: the roads and landmarks around a point, most specific first (those of its grid, then of
     * its compound, community and street). The point comes located in the org tree — which grid it lies in is
     * intake's own knowledge (the grids' boundaries); a geocoder adds the names people use for the place. The
     * {@code none} provider knows none.
     */
    List<PlaceNames.Name> reverse(OrgReferenceCopy.Location located);
}
