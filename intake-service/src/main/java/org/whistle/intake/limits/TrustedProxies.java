package org.whistle.intake.limits;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.whistle.intake.IntakeProperties;

/**
 * The per-address limits ({@link RateLimits}, {@link FailedLookups}) must see the reporter's address, not the
 * gateway's, or the whole city shares one bucket. Tomcat's {@link RemoteIpValve} takes the client address from
 * {@code X-Forwarded-For} only when the direct peer matches {@code whistle.intake.trusted-proxies} (a regular
 * expression over the peer's address; by default loopback, where the local stack's gateway runs), walking the header
 * from the right past trusted proxies. A client talking to intake directly cannot name its own address.
 */
@Configuration(proxyBeanMethods = false)
class TrustedProxies {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> clientAddressFromTrustedProxies(
            IntakeProperties properties) {
        return factory -> {
            var valve = new RemoteIpValve();
            valve.setRemoteIpHeader("X-Forwarded-For");
            var trusted = properties.trustedProxies().isBlank()
                    ? IntakeProperties.LOOPBACK
                    : properties.trustedProxies().strip();
            valve.setInternalProxies(trusted);
            // Only the address: intake builds no absolute URLs, so the scheme and host a proxy names do not matter.
            valve.setProtocolHeader(null);
            valve.setHostHeader(null);
            valve.setPortHeader(null);
            factory.addEngineValves(valve);
        };
    }
}
