package org.whistle.intake.placing;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.whistle.intake.placing.domain.PlaceNames;
import org.whistle.orgreference.copy.OrgReferenceCopy;

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
        return new Geocoder() {
            @Override
            public List<PlaceNames.Found> find(String address) {
                return List.of();
            }

            @Override
            public List<PlaceNames.Name> reverse(OrgReferenceCopy.Location located) {
                return List.of();
            }
        };
    }
}
