package org.whistle.orgreference.copy;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives a service its copy of the organisation's reference data ({@link OrgReferenceCopy}), fed from the
 * {@code org-*} topics, and a health indicator {@code orgReference} that services put in their readiness group: a
 * replica takes traffic only once its copy has caught up. The feed's consumer takes the service's {@code spring.kafka.*}
 * configuration, security included. org-registry, the source, turns it off with
 * {@code whistle.org-reference.copy=false}.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnProperty(name = "whistle.org-reference.copy", havingValue = "true", matchIfMissing = true)
public class OrgReferenceAutoConfiguration {

    @Bean
    OrgReferenceCopy orgReferenceCopy() {
        return new OrgReferenceCopy();
    }

    @Bean
    OrgReferenceFeed orgReferenceFeed(OrgReferenceCopy copy, KafkaProperties kafka, ApplicationEventPublisher events) {
        return new OrgReferenceFeed(copy, OrgReferenceFeed.consumers(kafka), events);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Readiness {

        @Bean
        HealthIndicator orgReferenceHealthIndicator(OrgReferenceFeed feed, OrgReferenceCopy copy) {
            return () -> (feed.isCaughtUp() ? Health.up() : Health.outOfService())
                    .withDetails(copy.size())
                    .build();
        }
    }
}
