package org.whistle.orgreference.domain.geography;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** GeoJSON that cannot become grid areas, with every problem found so a bulk import can report each bad row. */
public final class InvalidGeoJsonException extends IllegalArgumentException {

    private final List<Problem> problems;

    InvalidGeoJsonException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    InvalidGeoJsonException(String reason) {
        this(List.of(new Problem(null, null, reason)));
    }

    /** The problems in document order; never empty. */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * One thing wrong; {@code featureIndex} (0-based, as in a FeatureCollection) and {@code gridId} are absent when
     * the problem is not in a particular feature or the feature has no usable id.
     */
    public record Problem(
            @Nullable Integer featureIndex, @Nullable String gridId, String reason) {

        @Override
        public String toString() {
            if (featureIndex == null) {
                return reason;
            }
            return "feature " + featureIndex + (gridId == null ? "" : " (code " + gridId + ")") + ": " + reason;
        }
    }
}
