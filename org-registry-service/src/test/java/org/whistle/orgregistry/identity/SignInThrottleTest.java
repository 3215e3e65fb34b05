package org.whistle.orgregistry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.whistle.orgregistry.identity.domain.SignInThrottle;
import org.whistle.orgregistry.identity.domain.SignInThrottle.Verdict;

class SignInThrottleTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final SignInThrottle.Policy POLICY =
            new SignInThrottle.Policy(10, Duration.ofMinutes(5), 3, Duration.ofSeconds(30), Duration.ofMinutes(15), 4);

    @Test
    void forgetsFailuresAQuarterOfAnHourAfterTheLast() {
        var throttle = new SignInThrottle(POLICY);
        for (int i = 0; i < 3; i++) {
            throttle.failed("10.0.0.1", "wangfang", NOW);
        }
        assertThat(throttle.before("10.0.0.1", "wangfang", NOW)).isInstanceOf(Verdict.Wait.class);

        assertThat(throttle.before("10.0.0.1", "wangfang", NOW.plus(Duration.ofMinutes(15))))
                .isInstanceOf(Verdict.Check.class);
    }

    @Test
    void treatsANameAlikeWhateverItsCaseAndSurroundingSpace() {
        var throttle = new SignInThrottle(POLICY);
        for (int i = 0; i < 3; i++) {
            throttle.failed("10.0.0.1", i % 2 == 0 ? "WangFang " : "wangfang", NOW);
        }

        assertThat(throttle.before("10.0.0.1", " WANGFANG", NOW)).isInstanceOf(Verdict.Wait.class);
    }

    @Test
    void capsTheAddressDelay() {
        var throttle = new SignInThrottle(POLICY);
        for (int i = 0; i < 40; i++) {
            throttle.failed("10.0.0.1", "name" + i, NOW);
        }

        assertThat(throttle.before("10.0.0.1", "someone", NOW))
                .isEqualTo(new Verdict.Wait("address", Duration.ofMinutes(5)));
    }

    @Test
    void remembersABoundedNumberOfAddressesDroppingTheLeastRecentlyFailed() {
        var throttle = new SignInThrottle(POLICY);
        for (int i = 0; i < 3; i++) {
            throttle.failed("10.0.0.1", "wangfang", NOW);
        }
        for (int i = 2; i <= 5; i++) {
            throttle.failed("10.0.0." + i, "other" + i, NOW.plusSeconds(1));
        }

        assertThat(throttle.before("10.0.0.1", "wangfang", NOW))
                .as("both its address and the name were dropped for newer ones")
                .isInstanceOf(Verdict.Check.class);
    }
}
