package org.whistle.servicedefaults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.config.observation.SecurityObservationSettings;

/** That a running service's chain is then left undecorated is checked in dispatch-service (SecurityChainTest). */
class SecurityObservationsOffTest {

    private final ApplicationContextRunner services =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SecurityObservationsOff.class));

    @Test
    void tellsSpringSecurityToObserveNothingWhenTheServiceDefaultsSwitchItsObservationsOff() {
        services.withPropertyValues("management.observations.enable.spring.security=false")
                .run(context -> {
                    var settings = context.getBean(SecurityObservationSettings.class);
                    assertThat(settings.shouldObserveRequests()).isFalse();
                    assertThat(settings.shouldObserveAuthentications()).isFalse();
                    assertThat(settings.shouldObserveAuthorizations()).isFalse();
                });
    }

    @Test
    void leavesSpringSecurityAloneWhenAServiceSwitchesThemOn() {
        services.withPropertyValues("management.observations.enable.spring.security=true")
                .run(context -> assertThat(context).doesNotHaveBean(SecurityObservationSettings.class));
    }
}
