package org.whistle.orgregistry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.whistle.testing.RealInfrastructure;

/**
 * With a public address configured, the redirects org-registry builds name it, whatever {@code Host} or
 * {@code X-Forwarded-Host} a request brings (the gateway passes a caller's {@code Host} on as
 * {@code X-Forwarded-Host}, and this test's loopback address is one Tomcat believes forwarded headers from).
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "whistle.identity.issuer=" + PublicAddressTest.PUBLIC,
            "whistle.identity.console-client.redirect-uris=" + PublicAddressTest.PUBLIC + "/console/callback"
        })
@RealInfrastructure
class PublicAddressTest {

    static final String PUBLIC = "https://whistle.example.cn";

    private static final String AUTHORIZE = "/oauth2/authorize?response_type=code&client_id="
            + FirstPartyClients.CONSOLE + "&scope=openid&state=s&code_challenge_method=S256"
            + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
            + "&redirect_uri=" + URLEncoder.encode(PUBLIC + "/console/callback", StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    @Test
    void sendsPeopleToTheLoginPageAtThePublicAddressWhateverXForwardedHostSays() {
        var browser = new Browser("http://localhost:" + port);

        var forged = browser.get(
                AUTHORIZE,
                "Accept",
                "text/html",
                "X-Forwarded-Host",
                "evil.example",
                "X-Forwarded-Proto",
                "http",
                "X-Forwarded-Port",
                "80");

        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(Browser.location(forged)).isEqualTo(PUBLIC + "/login");
    }

    @Test
    void sendsPeopleToTheLoginPageAtThePublicAddressWhateverHostSays() throws Exception {
        try (var socket = new Socket("127.0.0.1", port)) {
            var out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
            out.write("GET " + AUTHORIZE + " HTTP/1.1\r\nHost: evil.example\r\nAccept: text/html\r\n"
                    + "Connection: close\r\n\r\n");
            out.flush();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            var status = in.readLine();
            String location = null;
            for (var line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.regionMatches(true, 0, "Location:", 0, 9)) {
                    location = line.substring(9).trim();
                }
            }

            assertThat(status).contains(" 302 ");
            assertThat(location).isEqualTo(PUBLIC + "/login");
        }
    }

    @Test
    void namesThePublicAddressInDiscovery() {
        var discovery = new Browser("http://localhost:" + port)
                .get("/.well-known/openid-configuration", "X-Forwarded-Host", "evil.example")
                .body();

        assertThat(discovery).contains("\"issuer\":\"" + PUBLIC + "\"").doesNotContain("evil.example");
    }
}
