package org.whistle.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Issue 22: at the bench's knee every request to dispatch ran through Spring Security's per-filter observation
 * wrapping, although the service defaults switched those observations off (the property only made each one a no-op).
 */
@DispatchServiceTest
class SecurityChainTest {

    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter securityFilterChain;

    @Autowired
    ObservationRegistry observations;

    @Autowired
    @Qualifier("filterChainDecoratorPostProcessor")
    ObjectPostProcessor<FilterChainProxy.FilterChainDecorator> decorating;

    @Test
    void runsRequestsThroughTheSecurityChainWithoutAnObservationAroundEachFilter() {
        assertThat(observations.isNoop()).isFalse();
        // The bean is Spring Security's composite around the FilterChainProxy that serves the requests.
        var proxy = ReflectionTestUtils.getField(securityFilterChain, "springSecurityFilterChain");
        assertThat(proxy).isInstanceOf(FilterChainProxy.class);
        assertThat(ReflectionTestUtils.getField(proxy, "filterChainDecorator"))
                .isNotInstanceOf(ObservationFilterChainDecorator.class);
        // The decision as Spring Security makes it for any chain it builds.
        FilterChainProxy.FilterChainDecorator plain = new FilterChainProxy.VirtualFilterChainDecorator();
        assertThat(decorating.postProcess(plain)).isNotInstanceOf(ObservationFilterChainDecorator.class);
    }
}
