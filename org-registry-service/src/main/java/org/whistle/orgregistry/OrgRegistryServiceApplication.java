package org.whistle.orgregistry;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Starts the org-registry-service. */
@SpringBootApplication
public class OrgRegistryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrgRegistryServiceApplication.class, args);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
