package org.whistle.orgregistry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;
import org.whistle.security.Role;
import org.whistle.security.TokenClaims;
import org.whistle.testing.AccessLogCapture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff signing in through the city's identity platform (ADR 0047), against a real OpenID provider on a port of its
 * own ({@link CityIdentityPlatform}): the whole redirect dance a browser makes, from the console's authorization
 * request to Whistle's tokens.
 */
class UpstreamSignInTest extends IdentityTest {

    static final CityIdentityPlatform CITY = CityIdentityPlatform.start();
    static final String CONSOLE_REDIRECT = "http://127.0.0.1:4200/callback";
    static final String PASSWORD = "correct horse battery";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        registry.add("whistle.identity.upstream.issuer-uri", CITY::issuer);
        registry.add("whistle.identity.upstream.client-id", () -> CityIdentityPlatform.CLIENT_ID);
        registry.add("whistle.identity.upstream.client-secret", () -> CityIdentityPlatform.CLIENT_SECRET);
    }

    @AfterAll
    static void stopThePlatform() {
        CITY.close();
    }

    @RegisterExtension
    final AccessLogCapture log = AccessLogCapture.perTest();

    @Autowired
    ManagingAccounts accounts;

    @Autowired
    JwtDecoder decoder;

    @Test
    void signsAPreRegisteredAccountInThroughThePlatformAndIssuesWhistlesOwnTokens() throws Exception {
        openGridWorker("up.lishuxia");
        var browser = browser();
        var verifier = "verifier-" + UUID.randomUUID() + UUID.randomUUID();

        var page = toLoginPage(browser, challenge(verifier));
        assertThat(page).contains("<a class=\"upstream\" href=\"oauth2/upstream/city\">统一身份认证登录</a>");
        var atPlatform = startUpstream(browser);
        var back = CITY.approve(atPlatform, "city-0001", Map.of("preferred_username", "up.lishuxia"));
        var code = codeFor(browser, back);
        var tokens = exchange(code, verifier);

        var access = decoder.decode(tokens.get("access_token").stringValue());
        assertThat(access.getSubject()).isEqualTo("up.lishuxia");
        assertThat(access.getClaimAsStringList(TokenClaims.ROLES)).containsExactly("GRID_WORKER", "PARTY_MEMBER");
        assertThat(access.getClaimAsStringList(TokenClaims.ORG_SCOPE)).containsExactly(COMMUNITY);
        assertThat(access.getClaimAsString(TokenClaims.NAME)).isEqualTo("李淑霞");
        assertThat(CITY.tokenRequests.getLast())
                .as("Whistle proved the code was its own with PKCE")
                .containsKey("code_verifier");
        assertThat(count(
                        "SELECT count(*) FROM account_upstream_link l JOIN account a ON a.id = l.account_id"
                                + " WHERE a.username = ? AND l.issuer = ? AND l.subject = ?",
                        "up.lishuxia",
                        CITY.issuer(),
                        "city-0001"))
                .isOne();
        assertThat(count(
                        "SELECT count(*) FROM audit_entry WHERE action = 'account.upstream-linked' AND subject_id = ?"
                                + " AND actor = ? AND after_state ->> 'subject' = 'city-0001'",
                        "up.lishuxia",
                        "up.lishuxia"))
                .isOne();
        assertThat(log.about("sign-in", "up.lishuxia"))
                .singleElement()
                .satisfies(line -> assertThat(line.toString()).contains("upstream-linked"));
        assertThat(log.lines())
                .noneMatch(line -> line.contains(tokens.get("id_token").stringValue()));
    }

    @Test
    void laterSignInsGoByTheLinkWhateverTheClaimSaysNow() {
        openGridWorker("up.wanggang");
        openGridWorker("up.zhaoli");
        signIn("city-0002", "up.wanggang");

        assertThat(signIn("city-0002", "up.zhaoli"))
                .as("the same person upstream, whose claim now names someone else")
                .isEqualTo("up.wanggang");
        assertThat(signIn("city-0002", null)).as("or nobody").isEqualTo("up.wanggang");
        assertThat(count(
                        "SELECT count(*) FROM audit_entry WHERE action = 'account.upstream-linked' AND subject_id = ?",
                        "up.wanggang"))
                .as("linked once")
                .isOne();
    }

    @Test
    void refusesAnotherUpstreamPersonClaimingALinkedAccount() {
        openGridWorker("up.sunli");
        signIn("city-0003", "up.sunli");

        assertThat(refusal("city-0003-impostor", Map.of("preferred_username", "up.sunli")))
                .isEqualTo("upstream-linked-elsewhere");
        assertThat(loginPage("upstream-linked-elsewhere")).contains("该吹哨报到账号已与另一个统一身份认证账号绑定，请联系管理员。");
        assertThat(log.about("sign-in", "up.sunli"))
                .anySatisfy(line -> assertThat(line.toString()).contains("upstream-linked-to-another"));
    }

    @Test
    void refusesSomeoneWithoutAnAccountInChineseAndOpensNone() {
        var accountsBefore = count("SELECT count(*) FROM account");

        assertThat(refusal("city-0404", Map.of("preferred_username", "up.nobody", "name", "陌生人")))
                .isEqualTo("upstream-unknown");
        assertThat(loginPage("upstream-unknown")).contains("您的统一身份认证账号尚未开通吹哨报到账号，请联系管理员开通后再登录。");
        assertThat(count("SELECT count(*) FROM account")).isEqualTo(accountsBefore);
        assertThat(count("SELECT count(*) FROM account_upstream_link WHERE subject = 'city-0404'"))
                .isZero();
        assertThat(log.about("sign-in", "upstream:city-0404"))
                .singleElement()
                .satisfies(line -> assertThat(line.toString()).contains("upstream-not-registered"));
        assertThat(log.lines())
                .as("of the upstream's claims only the subject is logged")
                .noneMatch(line -> line.contains("up.nobody") || line.contains("陌生人"));
    }

    @Test
    void refusesDisabledAndLockedAccountsAsAPasswordWould() {
        openGridWorker("up.disabled");
        openGridWorker("up.locked");
        accounts.disable("up.disabled");
        accounts.lock("up.locked");

        assertThat(refusal("city-0005", Map.of("preferred_username", "up.disabled")))
                .isEqualTo("disabled");
        assertThat(refusal("city-0006", Map.of("preferred_username", "up.locked")))
                .isEqualTo("locked");
        assertThat(loginPage("disabled")).contains("账号已停用，请联系管理员。");
    }

    @Test
    void refusesAnIdTokenForAnotherClientWithAnotherNonceFromAnotherIssuerOrSignedByAnotherKey() {
        openGridWorker("up.spoiled");
        var claim = Map.<String, Object>of("preferred_username", "up.spoiled");

        assertThat(refusal("city-0007", claim, token -> token.audience("someone-else"), null))
                .isEqualTo("upstream-failed");
        assertThat(refusal("city-0007", claim, token -> token.claim("nonce", "replayed"), null))
                .isEqualTo("upstream-failed");
        assertThat(refusal("city-0007", claim, token -> token.issuer("http://127.0.0.1:1"), null))
                .isEqualTo("upstream-failed");
        assertThat(refusal("city-0007", claim, UnaryOperator.identity(), CityIdentityPlatform.anotherKey()))
                .isEqualTo("upstream-failed");
        assertThat(declined()).isEqualTo("upstream-failed");
        assertThat(loginPage("upstream-failed")).contains("统一身份认证登录未完成，请重试，或用用户名和密码登录。");
        assertThat(count("SELECT count(*) FROM account_upstream_link WHERE subject = 'city-0007'"))
                .isZero();
    }

    @Test
    void administratorsSeeWhichAccountsAreLinkedAndUnlinkThem() throws Exception {
        openGridWorker("up.unlinked");
        signIn("city-0008", "up.unlinked");

        var links = json(api("GET", "/api/org/upstream-links", tokens.administrator(), 200));
        assertThat(links.values()).anySatisfy(link -> {
            assertThat(link.get("username").stringValue()).isEqualTo("up.unlinked");
            assertThat(link.get("issuer").stringValue()).isEqualTo(CITY.issuer());
            assertThat(link.get("subject").stringValue()).isEqualTo("city-0008");
        });
        var gridWorker = tokens.token("up.unlinked", List.of(Role.GRID_WORKER), List.of(COMMUNITY));
        api("GET", "/api/org/upstream-links", gridWorker, 403);
        api("DELETE", "/api/org/upstream-links/up.unlinked", gridWorker, 403);

        api("DELETE", "/api/org/upstream-links/up.unlinked", tokens.administrator(), 204);

        assertThat(count("SELECT count(*) FROM account_upstream_link WHERE subject = 'city-0008'"))
                .isZero();
        assertThat(count(
                        "SELECT count(*) FROM audit_entry WHERE action = 'account.upstream-unlinked' AND subject_id = ?"
                                + " AND actor = 'test-admin' AND before_state ->> 'subject' = 'city-0008'",
                        "up.unlinked"))
                .isOne();
        api("DELETE", "/api/org/upstream-links/up.unlinked", tokens.administrator(), 404);
        assertThat(signIn("city-0009", "up.unlinked"))
                .as("unlinked, the account is linked again by the claim at its next sign-in")
                .isEqualTo("up.unlinked");
    }

    @Test
    void passwordsStillSignIn() {
        openGridWorker("up.password");

        assertThat(browser().logIn("up.password", PASSWORD)).doesNotContain("error");
        assertThat(log.about("sign-in", "up.password"))
                .singleElement()
                .satisfies(line -> assertThat(line.toString()).contains("password"));
    }

    /** The whole dance for one upstream person; answers the subject of the Whistle access token they end with. */
    private String signIn(String subject, String claimed) {
        var browser = browser();
        var verifier = "verifier-" + UUID.randomUUID() + UUID.randomUUID();
        toLoginPage(browser, challenge(verifier));
        var back = CITY.approve(
                startUpstream(browser), subject, claimed == null ? Map.of() : Map.of("preferred_username", claimed));
        var tokens = exchange(codeFor(browser, back), verifier);
        return decoder.decode(tokens.get("access_token").stringValue()).getSubject();
    }

    private String refusal(String subject, Map<String, Object> claims) {
        return refusal(subject, claims, UnaryOperator.identity(), null);
    }

    /** An upstream sign-in that should be refused: answers the error the login page is sent back with. */
    private String refusal(
            String subject,
            Map<String, Object> claims,
            UnaryOperator<JWTClaimsSet.Builder> spoil,
            @org.jspecify.annotations.Nullable RSAKey signer) {
        var browser = browser();
        toLoginPage(browser, challenge("verifier-" + UUID.randomUUID() + UUID.randomUUID()));
        var atPlatform = startUpstream(browser);
        return errorAfter(browser, CITY.approve(atPlatform, subject, claims, spoil, signer));
    }

    private String declined() {
        var browser = browser();
        toLoginPage(browser, challenge("verifier-" + UUID.randomUUID()));
        return errorAfter(browser, CITY.decline(startUpstream(browser)));
    }

    private String errorAfter(Browser browser, String back) {
        var answer = browser.get(back, "Accept", "text/html");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        var location = Browser.location(answer);
        assertThat(location).contains("/login?error=");
        return location.replaceAll(".*error=([^&]*).*", "$1");
    }

    private String loginPage(String error) {
        var page = browser().get("/login?error=" + error, "Accept-Language", "zh-CN");
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    /** The console's authorization request, which sends a person who has not signed in to the login page. */
    private String toLoginPage(Browser browser, String challenge) {
        var authorize = "/oauth2/authorize?response_type=code&client_id=" + FirstPartyClients.CONSOLE
                + "&scope=" + URLEncoder.encode("openid profile", StandardCharsets.UTF_8)
                + "&state=state-up&code_challenge=" + challenge + "&code_challenge_method=S256"
                + "&redirect_uri=" + URLEncoder.encode(CONSOLE_REDIRECT, StandardCharsets.UTF_8);
        var toLogin = browser.get(authorize, "Accept", "text/html");
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(Browser.location(toLogin)).endsWith("/login");
        var page = browser.get("/login", "Accept-Language", "zh-CN");
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    /** The sign-in button: Whistle sends the browser to the platform's authorize endpoint. */
    private String startUpstream(Browser browser) {
        var start = browser.get("/oauth2/upstream/city", "Accept", "text/html");
        assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
        var location = Browser.location(start);
        assertThat(location).startsWith(CITY.issuer() + "/authorize?");
        // Spring Security leaves the URI's reserved characters as they are in the query, which RFC 3986 allows.
        assertThat(location).contains("redirect_uri=http://localhost:" + port + "/oauth2/upstream/city/callback&");
        return location;
    }

    /** Back from the platform: signed in, the authorization request goes on and hands the console its code. */
    private String codeFor(Browser browser, String back) {
        var signedIn = browser.get(back, "Accept", "text/html");
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        var resumed = Browser.location(signedIn);
        assertThat(resumed).as("back to the authorization request").contains("/oauth2/authorize");
        var toConsole = browser.get(resumed, "Accept", "text/html");
        assertThat(toConsole.statusCode()).as(toConsole.body()).isEqualTo(302);
        var redirect = Browser.location(toConsole);
        assertThat(redirect).startsWith(CONSOLE_REDIRECT);
        var query = UriComponentsBuilder.fromUri(URI.create(redirect)).build().getQueryParams();
        assertThat(query.getFirst("state")).isEqualTo("state-up");
        return URLDecoder.decode(query.getFirst("code"), StandardCharsets.UTF_8);
    }

    private JsonNode exchange(String code, String verifier) {
        var response = browser()
                .postForm(
                        "/oauth2/token",
                        Map.of(
                                "grant_type", "authorization_code",
                                "code", code,
                                "redirect_uri", CONSOLE_REDIRECT,
                                "client_id", FirstPartyClients.CONSOLE,
                                "code_verifier", verifier));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    private void openGridWorker(String username) {
        accounts.open(new AccountInput(
                username,
                PASSWORD,
                "李淑霞",
                "13900000001",
                List.of("GRID_WORKER", "PARTY_MEMBER"),
                List.of(COMMUNITY),
                null,
                List.of(new AccountInput.PostInput("GRID_WORKER", GRID))));
    }

    private String api(String method, String path, String token, int expected)
            throws IOException, InterruptedException {
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isEqualTo(expected);
        return response.body();
    }

    private static String challenge(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        return JsonMapper.shared().readTree(body);
    }
}
