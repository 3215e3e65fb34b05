package org.whistle.orgregistry.identity;

import com.nimbusds.jose.jwk.RSAKey;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.whistle.orgregistry.TestTokens;
import org.whistle.testing.RealInfrastructure;

/**
 * The one Spring context every identity test shares (one database, one start): first-party clients and a bootstrap
 * administrator configured, sign-in throttling as in production, a clock tests can move, and the nodes and
 * unit of Tailai county (泰来县) that accounts refer to. Tests use usernames of their own.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "whistle.identity.gateway-client.secret=" + IdentityTest.GATEWAY_SECRET,
            "whistle.identity.gateway-client.redirect-uris=" + IdentityTest.GATEWAY_REDIRECT,
            "whistle.identity.console-client.redirect-uris=http://127.0.0.1:4200/callback",
            "whistle.identity.bootstrap-admin.password=" + IdentityTest.BOOTSTRAP_PASSWORD
        })
@RealInfrastructure
@Import(TestClock.Configuration.class)
abstract class IdentityTest {

    static final String GATEWAY_SECRET = "gateway-secret-for-tests";
    static final String GATEWAY_REDIRECT = "http://127.0.0.1:8080/login/oauth2/code/whistle";
    static final String BOOTSTRAP_PASSWORD = "bootstrap-admin-password";

    static final String CITY = "230200";
    static final String COUNTY = "230224";
    static final String STREET = "230224100";
    static final String COMMUNITY = "230224100001";
    static final String GRID = "230224100001001";
    static final String OTHER_DISTRICT = "230202";
    static final String UNIT = "QQ-230224-ZJJ-LZG";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    RSAKey signingKey;

    TestTokens tokens;

    @BeforeEach
    void organisation() {
        tokens = new TestTokens(signingKey);
        node(CITY, "CITY", "齐齐哈尔市", null, "/230200/");
        node(COUNTY, "DISTRICT", "泰来县", CITY, "/230200/230224/");
        node(OTHER_DISTRICT, "DISTRICT", "龙沙区", CITY, "/230200/230202/");
        node(STREET, "STREET", "泰来镇", COUNTY, "/230200/230224/230224100/");
        node(COMMUNITY, "COMMUNITY", "城北社区", STREET, "/230200/230224/230224100/230224100001/");
        node(GRID, "GRID", "城北一网格", COMMUNITY, "/230200/230224/230224100/230224100001/230224100001001/");
        jdbc.sql("""
                        INSERT INTO handling_unit (code, kind, name, area_code, valid_from, updated_at)
                        VALUES (?, 'DEPARTMENT', '泰来县住建局路政股', ?, DATE '2024-01-01', ?)
                        ON CONFLICT DO NOTHING
                        """).params(UNIT, COUNTY, Timestamp.from(Instant.now())).update();
    }

    private void node(String code, String kind, String name, String parent, String path) {
        jdbc.sql("""
                        INSERT INTO org_node (code, kind, name, parent_code, path, valid_from, updated_at)
                        VALUES (?, ?, ?, ?, ?, DATE '2024-01-01', ?)
                        ON CONFLICT DO NOTHING
                        """)
                .params(code, kind, name, parent, path, Timestamp.from(Instant.now()))
                .update();
    }

    /** A browser on an address of its own (as the gateway would forward it), so failures of one test slow no other. */
    Browser browser() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return new Browser(
                "http://localhost:" + port,
                "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254)));
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
