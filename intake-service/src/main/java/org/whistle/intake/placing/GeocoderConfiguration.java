package org.whistle.intake.placing;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The geocoder {@code whistle.intake.geocoder.provider} names. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GeocoderProperties.class)
class GeocoderConfiguration {

    @Bean
    @ConditionalOnProperty(name = "whistle.intake.geocoder.provider", havingValue = "gazetteer", matchIfMissing = true)
    Geocoder gazetteerGeocoder(GeocoderProperties properties) {
        return GazetteerGeocoder.read(properties.gazetteerFile());
    }

    @Bean
    @ConditionalOnProperty(name = "whistle.intake.geocoder.provider", havingValue = "none")
    Geocoder noGeocoder() {
        return address -> List.of();
    }
}
