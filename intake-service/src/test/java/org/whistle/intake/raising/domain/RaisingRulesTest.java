package org.whistle.intake.raising.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.whistle.events.GeoPoint;

class RaisingRulesTest {

    @Test
    void acceptsMainlandMobilesInTheirUsualSpellingsAndMasksThem() {
        assertThat(PhoneNumber.parse("+86 138-0000-0042")).hasValueSatisfying(p -> {
            assertThat(p.digits()).isEqualTo("13800000042");
            assertThat(p.masked()).isEqualTo("138****0042");
            assertThat(p.toString()).doesNotContain("13800000042");
        });
        assertThat(PhoneNumber.parse("12800000042")).isEmpty();
        assertThat(PhoneNumber.parse("1380000004")).isEmpty();
        assertThat(PhoneNumber.parse("0451-12345678")).isEmpty();
    }

    @Test
    void derivesUnguessableTrackingCodesFromTheWhistleIdUnderTheKeyThatSurviveHowPeopleTypeThem() {
        var key = new byte[32];
        new SecureRandom().nextBytes(key);
        var codes = new TrackingCodes("QQ", key);
        var seen = new HashSet<String>();
        for (int i = 0; i < 10_000; i++) {
            var id = UUID.randomUUID();
            var code = codes.codeFor(id, LocalDate.of(2026, 1, 15));
            assertThat(code).matches("QQ20260115-[0-9A-HJKMNP-TV-Z]{10}");
            assertThat(codes.codeFor(id, LocalDate.of(2026, 1, 15)))
                    .as("said again the same")
                    .isEqualTo(code);
            seen.add(code);
        }
        assertThat(seen).hasSize(10_000);
        var id = UUID.randomUUID();
        var otherKey = key.clone();
        otherKey[0] ^= 1;
        assertThat(new TrackingCodes("QQ", otherKey).codeFor(id, LocalDate.of(2026, 1, 15)))
                .as("another key, another code")
                .isNotEqualTo(codes.codeFor(id, LocalDate.of(2026, 1, 15)));
        assertThat(TrackingCodes.hash("QQ20260115-7K3M9QX2PA")).hasSize(32);
        assertThat(TrackingCodes.normalise(" qq20260115-7k3m9qx2pa ")).hasValue("QQ20260115-7K3M9QX2PA");
        assertThat(TrackingCodes.normalise("QQ20260115-OOOOOOOOOO")).hasValue("QQ20260115-0000000000");
        assertThat(TrackingCodes.normalise("not a code")).isEmpty();
    }

    @Test
    void refusesAShortTrackingCodeKey() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TrackingCodes("QQ", new byte[16]))
                .hasMessageContaining("256 bits");
    }

    @Test
    void measuresDistancesInMetres() {
        var crossing = new GeoPoint(47.9218, 123.5046);
        assertThat(Distances.metres(crossing, new GeoPoint(47.9227, 123.5046))).isBetween(99.0, 101.0);
        assertThat(new CityExtent(45.8, 122.3, 48.95, 126.8).contains(new GeoPoint(39.9, 116.4)))
                .isFalse();
    }
}
