package org.whistle.security.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.whistle.security.personaldata.PersonalDataRoutes.Match;

class PersonalDataRoutesTest {

    private final PersonalDataRoutes routes = PersonalDataRoutes.builder()
            .route("/api/tickets/by-whistle/{whistleId}", "ticket-of-whistle")
            .route("/api/tickets/{id}/**", "ticket")
            .route("GET", "/api/deliveries", "deliveries", "whistleId")
            .build();

    @Test
    void namesTheRecordByTheIdVariableOrTheFirstOne() {
        assertThat(match("POST", "/api/tickets/t-1/file")).hasValue(new Match("ticket", "t-1", "change"));
        assertThat(match("GET", "/api/tickets/by-whistle/w-1")).hasValue(new Match("ticket-of-whistle", "w-1", "read"));
    }

    @Test
    void namesTheRecordByAQueryParameterWhereTheRouteSaysSo() {
        assertThat(match("GET", "/api/deliveries")).hasValue(new Match("deliveries", "w-2", "read"));
    }

    @Test
    void matchesOnlyItsMethodsAndPaths() {
        assertThat(match("POST", "/api/deliveries")).isEmpty();
        assertThat(match("GET", "/api/rules")).isEmpty();
    }

    private Optional<Match> match(String method, String path) {
        return routes.match(method, path, Map.of("whistleId", "w-2")::get);
    }
}
