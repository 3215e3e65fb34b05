package org.whistle.intake.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.whistle.intake.IntakeProperties;

class FailedLookupsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T08:00:00Z"));
    private final FailedLookups lookups = new FailedLookups(properties(), clock);

    private static IntakeProperties properties() {
        return new IntakeProperties(
                null,
                true,
                null,
                "QQ",
                "230200",
                ZoneId.of("Asia/Shanghai"),
                2000,
                new IntakeProperties.Extent(45.8, 122.3, 48.95, 126.8),
                new IntakeProperties.Nearby(200, 1000),
                new IntakeProperties.RateLimits(Duration.ofHours(1), 10, 20, 60, Duration.ofMinutes(15), 3, 2, 300, 60),
                new IntakeProperties.Open311(
                        List.of(), "qiqihar.gov.cn", null, Duration.ofDays(90), 1000, 1000, 4000, false),
                IntakeProperties.LOOPBACK,
                new IntakeProperties.Live(null, Duration.ofMinutes(30)));
    }

    @Test
    void opensAgainWhenTheWindowEnds() {
        lookups.failed("203.0.113.1", "QQ20261207-AAAAAAAAAA");
        lookups.failed("203.0.113.2", "QQ20261207-AAAAAAAAAA");

        assertThatThrownBy(() -> lookups.check("203.0.113.3", "qq20261207-aaaaaaaaaa"))
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        e -> assertThat(e.limitedBy()).isEqualTo("whistle"));
        clock.advance(Duration.ofMinutes(15));
        assertThatCode(() -> lookups.check("203.0.113.3", "QQ20261207-AAAAAAAAAA"))
                .doesNotThrowAnyException();
    }

    @Test
    void limitsAnAddressAcrossWhistles() {
        for (int i = 0; i < 3; i++) {
            lookups.failed("203.0.113.9", "QQ20261207-00000000" + i + "0");
        }

        assertThatThrownBy(() -> lookups.check("203.0.113.9", "QQ20261207-BBBBBBBBBB"))
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        e -> assertThat(e.limitedBy()).isEqualTo("address"));
        assertThatCode(() -> lookups.check("203.0.113.10", "QQ20261207-BBBBBBBBBB"))
                .doesNotThrowAnyException();
    }

    @Test
    void keepsABoundedNumberOfWindowsWhateverCallersSend() {
        for (int i = 0; i < FailedLookups.MAX_KEYS + 10; i++) {
            lookups.failed(null, "code-" + i);
        }

        org.assertj.core.api.Assertions.assertThat(lookups.size()).isEqualTo(FailedLookups.MAX_KEYS);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
