package org.whistle.security.testapp;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.security.Caller;

@SpringBootApplication
public class SecuredApp {

    @RestController
    static class Echo {

        @GetMapping("/api/me")
        Map<String, Object> me(Caller caller) {
            return Map.of(
                    "subject", caller.subject(),
                    "roles", caller.roles(),
                    "scope", caller.orgScope(),
                    "unit", String.valueOf(caller.unit()),
                    "coversGrid", caller.covers(java.util.List.of("230200", "230225", "230225100", "230225100001001")));
        }

        @GetMapping("/api/dispatch-only")
        @PreAuthorize("hasRole('STREET_DISPATCHER')")
        String dispatchOnly() {
            return "ok";
        }
    }
}
