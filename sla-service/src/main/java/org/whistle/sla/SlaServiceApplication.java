package org.whistle.sla;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the sla-service. */
@SpringBootApplication
public class SlaServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SlaServiceApplication.class, args);
    }
}
