package org.whistle.orgreference.domain.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class CoordinateSystemTest {

    @Test
    void parsesTheApiNamesInAnyCase() {
        assertThat(CoordinateSystem.parse("WGS84")).isEqualTo(CoordinateSystem.WGS84);
        assertThat(CoordinateSystem.parse("gcj02")).isEqualTo(CoordinateSystem.GCJ02);
        assertThat(CoordinateSystem.parse("Bd09")).isEqualTo(CoordinateSystem.BD09);
    }

    @Test
    void refusesAnUnknownNameListingTheAcceptedOnes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CoordinateSystem.parse("EPSG:4326"))
                .withMessageContaining("EPSG:4326")
                .withMessageContaining("WGS84, GCJ02, BD09");
    }
}
