package org.whistle.orgregistry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.util.UriComponentsBuilder;
import org.whistle.security.AccessTokens;
import org.whistle.security.TokenClaims;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TokenIssuanceTest extends IdentityTest {

    @Autowired
    ManagingAccounts accounts;

    @Autowired
    ManagingClients clients;

    @Autowired
    JwtDecoder decoder;

    @Test
    void issuesClientCredentialsTokensCarryingTheClientsBinding() throws Exception {
        var issued = clients.register(
                new ManagingClients.NewClient("zjj-lzg-system", UNIT, "DEPARTMENT_OFFICER", List.of(COUNTY)));

        var response = browser()
                .postForm(
                        "/oauth2/token",
                        Map.of("grant_type", "client_credentials"),
                        "Authorization",
                        Browser.basic("zjj-lzg-system", issued.secret()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var token = decoder.decode(json(response.body()).get("access_token").stringValue());
        assertThat(token.getSubject()).isEqualTo("zjj-lzg-system");
        assertThat(token.getClaimAsStringList(TokenClaims.ROLES)).containsExactly("DEPARTMENT_OFFICER");
        assertThat(token.getClaimAsStringList(TokenClaims.ORG_SCOPE)).containsExactly(COUNTY);
        assertThat(token.getClaimAsString(TokenClaims.UNIT)).isEqualTo(UNIT);
        assertThat(jdbc.sql("SELECT client_secret FROM oauth2_registered_client WHERE client_id = 'zjj-lzg-system'")
                        .query(String.class)
                        .single())
                .startsWith("{bcrypt}")
                .doesNotContain(issued.secret());
    }

    @Test
    void refusesTokensToDisabledClients() {
        var issued = clients.register(
                new ManagingClients.NewClient("retired-system", UNIT, "DEPARTMENT_OFFICER", List.of(COUNTY)));
        clients.disable("retired-system");

        var response = browser()
                .postForm(
                        "/oauth2/token",
                        Map.of("grant_type", "client_credentials"),
                        "Authorization",
                        Browser.basic("retired-system", issued.secret()));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void issuesTokensForAPersonThroughAuthorizationCodeWithPkce() throws Exception {
        openGridWorker("pkce.lishuxia");
        var browser = browser();
        var verifier = "verifier-" + UUID.randomUUID() + UUID.randomUUID();

        var code = authorize(browser, "pkce.lishuxia", challenge(verifier));
        var response = exchange(code, verifier);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var body = json(response.body());
        var access = decoder.decode(body.get("access_token").stringValue());
        assertThat(access.getSubject()).isEqualTo("pkce.lishuxia");
        assertThat(access.getClaimAsStringList(TokenClaims.ROLES)).containsExactly("GRID_WORKER", "PARTY_MEMBER");
        assertThat(access.getClaimAsStringList(TokenClaims.ORG_SCOPE)).containsExactly(COMMUNITY);
        assertThat(access.getClaimAsString(TokenClaims.NAME)).isEqualTo("李淑霞");
        assertThat(access.hasClaim(TokenClaims.UNIT)).isFalse();
        var id = idTokens().decode(body.get("id_token").stringValue());
        assertThat(id.getClaimAsStringList(TokenClaims.ROLES)).containsExactly("GRID_WORKER", "PARTY_MEMBER");
        assertThat(id.getAudience()).containsExactly(FirstPartyClients.GATEWAY);
        assertThat(access.getClaimAsString(AccessTokens.TOKEN_USE)).isEqualTo(AccessTokens.ACCESS);
        assertThat(access.getAudience()).contains(AccessTokens.AUDIENCE);
        assertThat(id.hasClaim(AccessTokens.TOKEN_USE)).isFalse();

        var refreshed = browser.postForm(
                "/oauth2/token",
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        body.get("refresh_token").stringValue()),
                "Authorization",
                Browser.basic(FirstPartyClients.GATEWAY, GATEWAY_SECRET));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(decoder.decode(json(refreshed.body()).get("access_token").stringValue())
                        .getClaimAsStringList(TokenClaims.ORG_SCOPE))
                .containsExactly(COMMUNITY);
    }

    @Test
    void theApiTakesThePersonsAccessTokenButNotTheirIdToken() throws Exception {
        openGridWorker("pkce.idtoken");
        var verifier = "verifier-" + UUID.randomUUID() + UUID.randomUUID();
        var body = json(exchange(authorize(browser(), "pkce.idtoken", challenge(verifier)), verifier)
                .body());

        var withAccessToken = browser()
                .get(
                        "/api/org/users/me",
                        "Authorization",
                        "Bearer " + body.get("access_token").stringValue());
        var withIdToken = browser()
                .get(
                        "/api/org/users/me",
                        "Authorization",
                        "Bearer " + body.get("id_token").stringValue());

        assertThat(withAccessToken.statusCode()).as(withAccessToken.body()).isEqualTo(200);
        assertThat(withIdToken.statusCode()).isEqualTo(401);
        assertThat(withIdToken.body()).contains("urn:whistle:problem:unauthorized");
        assertThatThrownBy(() -> decoder.decode(body.get("id_token").stringValue()))
                .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void givesClientCredentialsTokensTheApisAudienceAndTheAccessTokenType() {
        var issued = clients.register(
                new ManagingClients.NewClient("aud-check-system", UNIT, "DEPARTMENT_OFFICER", List.of(COUNTY)));
        var response = browser()
                .postForm(
                        "/oauth2/token",
                        Map.of("grant_type", "client_credentials"),
                        "Authorization",
                        Browser.basic("aud-check-system", issued.secret()));

        var token = decoder.decode(json(response.body()).get("access_token").stringValue());

        assertThat(token.getClaimAsString(AccessTokens.TOKEN_USE)).isEqualTo(AccessTokens.ACCESS);
        assertThat(token.getAudience()).contains(AccessTokens.AUDIENCE, "aud-check-system");
    }

    @Test
    void rejectsACodeExchangedWithTheWrongVerifier() throws Exception {
        openGridWorker("pkce.wrongverifier");
        var verifier = "verifier-" + UUID.randomUUID() + UUID.randomUUID();
        var code = authorize(browser(), "pkce.wrongverifier", challenge(verifier));

        var response = exchange(code, "verifier-of-someone-else-" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("error").stringValue()).isEqualTo("invalid_grant");
    }

    @Test
    void servesTheKeyThatVerifiesItsTokensAndDiscovery() throws Exception {
        var discovery = json(browser().get("/.well-known/openid-configuration").body());
        assertThat(discovery.get("issuer").stringValue()).isEqualTo("http://localhost:" + port);
        assertThat(discovery.get("jwks_uri").stringValue()).isEqualTo("http://localhost:" + port + "/oauth2/jwks");
        var issued = clients.register(
                new ManagingClients.NewClient("jwks-check-system", UNIT, "DEPARTMENT_OFFICER", List.of(COUNTY)));
        var token = json(browser()
                        .postForm(
                                "/oauth2/token",
                                Map.of("grant_type", "client_credentials"),
                                "Authorization",
                                Browser.basic("jwks-check-system", issued.secret()))
                        .body())
                .get("access_token")
                .stringValue();

        var jwks = JWKSet.parse(browser().get("/oauth2/jwks").body());

        assertThat(jwks.getKeys()).hasSize(1);
        var published = (RSAKey) jwks.getKeys().getFirst();
        assertThat(published.isPrivate()).isFalse();
        // As a service checks it: with the published key, as an access token for the APIs.
        var asAService =
                NimbusJwtDecoder.withPublicKey(published.toRSAPublicKey()).build();
        asAService.setJwtValidator(AccessTokens.validator(null, AccessTokens.AUDIENCE));
        Jwt verified = asAService.decode(token);
        // And as services before issue 17 did (Spring's defaults), so org-registry can be upgraded before them.
        NimbusJwtDecoder.withPublicKey(published.toRSAPublicKey()).build().decode(token);
        assertThat(verified.getClaimAsString(TokenClaims.UNIT)).isEqualTo(UNIT);
    }

    /** ID tokens are verified by the client they were issued to, with the published key and nothing more. */
    private NimbusJwtDecoder idTokens() throws Exception {
        return NimbusJwtDecoder.withPublicKey(signingKey.toRSAPublicKey()).build();
    }

    private void openGridWorker(String username) {
        accounts.open(new AccountInput(
                username,
                "correct horse battery",
                "李淑霞",
                "13900000001",
                List.of("GRID_WORKER", "PARTY_MEMBER"),
                List.of(COMMUNITY),
                null,
                List.of(new AccountInput.PostInput("GRID_WORKER", GRID))));
    }

    /** Logs in through the authorization endpoint and answers the code handed to the gateway's redirect URI. */
    private String authorize(Browser browser, String username, String challenge) {
        var authorize = "/oauth2/authorize?response_type=code&client_id=" + FirstPartyClients.GATEWAY
                + "&scope=" + URLEncoder.encode("openid profile", StandardCharsets.UTF_8)
                + "&state=state-123&code_challenge=" + challenge + "&code_challenge_method=S256"
                + "&redirect_uri=" + URLEncoder.encode(GATEWAY_REDIRECT, StandardCharsets.UTF_8);
        var toLogin = browser.get(authorize, "Accept", "text/html");
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(Browser.location(toLogin)).endsWith("/login");

        var back = browser.logIn(username, "correct horse battery");
        assertThat(back).contains("/oauth2/authorize");

        var toClient = browser.get(back, "Accept", "text/html");
        assertThat(toClient.statusCode()).as(toClient.body()).isEqualTo(302);
        var redirect = Browser.location(toClient);
        assertThat(redirect).as("no consent page for a first-party client").startsWith(GATEWAY_REDIRECT);
        var query = UriComponentsBuilder.fromUri(URI.create(redirect)).build().getQueryParams();
        assertThat(query.getFirst("state")).isEqualTo("state-123");
        return query.getFirst("code");
    }

    private java.net.http.HttpResponse<String> exchange(String code, String verifier) {
        return browser()
                .postForm(
                        "/oauth2/token",
                        Map.of(
                                "grant_type",
                                "authorization_code",
                                "code",
                                URLDecoding.decode(code),
                                "redirect_uri",
                                GATEWAY_REDIRECT,
                                "code_verifier",
                                verifier),
                        "Authorization",
                        Browser.basic(FirstPartyClients.GATEWAY, GATEWAY_SECRET));
    }

    private static String challenge(String verifier) throws Exception {
        var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static JsonNode json(String body) {
        return JsonMapper.shared().readTree(body);
    }

    private static final class URLDecoding {

        static String decode(String value) {
            return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
        }
    }
}
