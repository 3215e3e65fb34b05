package org.whistle.orgregistry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the org-registry-service. */
@SpringBootApplication
public class OrgRegistryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrgRegistryServiceApplication.class, args);
    }
}
