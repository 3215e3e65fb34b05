package org.whistle.gateway.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SessionCookiesTest {

    @Test
    void dropsOnlyTheGatewaysOwnCookies() {
        var kept = SessionCookies.withoutEdgeCookies(
                List.of("JSESSIONID=abc; WHISTLE_SESSION=s3cr3t", "XSRF-TOKEN=t0k3n; lang=zh"));

        assertThat(kept).isEqualTo("JSESSIONID=abc; lang=zh");
    }

    @Test
    void leavesNothingWhenOnlyTheGatewaysCookiesCame() {
        assertThat(SessionCookies.withoutEdgeCookies(List.of("WHISTLE_SESSION=s3cr3t; XSRF-TOKEN=t0k3n")))
                .isEmpty();
    }
}
