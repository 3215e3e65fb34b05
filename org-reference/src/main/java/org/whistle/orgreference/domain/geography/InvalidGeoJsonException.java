package org.whistle.orgreference.domain.geography;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.whistle.texts.Catalogue;
import org.whistle.texts.Phrase;

/**
 * GeoJSON that cannot become grid areas, with every problem found so a bulk import can report each bad row. Each
 * problem's reason is a {@link Phrase}, worded in the reader's language where it is answered (ADR 0043); the exception's
 * own message, for logs and programs, is the English wording.
 */
public final class InvalidGeoJsonException extends IllegalArgumentException {

    private final List<Problem> problems;

    InvalidGeoJsonException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    InvalidGeoJsonException(Phrase reason) {
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
            @Nullable Integer featureIndex, @Nullable String gridId, Phrase reason) {

        /** The reason in English, as logs and the exception's message carry it. */
        public String english() {
            return reason.in(Catalogue.english());
        }

        /** Features counted from 1, as the import's rows are. */
        @Override
        public String toString() {
            if (featureIndex == null) {
                return english();
            }
            return "feature " + (featureIndex + 1) + (gridId == null ? "" : " (code " + gridId + ")") + ": "
                    + english();
        }
    }
}
