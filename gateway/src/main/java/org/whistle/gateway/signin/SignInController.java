package org.whistle.gateway.signin;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import org.whistle.gateway.EdgeProperties;
import reactor.core.publisher.Mono;

/** The pages' two questions to the gateway: "sign me in, then bring me back here" and "who am I?". */
@RestController
class SignInController {

    // The claim names org-registry writes (TokenClaims in service-security, which is servlet-only).
    private static final String ROLES = "roles";
    private static final String ORG_SCOPE = "org_scope";
    private static final String UNIT = "unit";
    private static final String NAME = "name";

    private final EdgeProperties edge;

    SignInController(EdgeProperties edge) {
        this.edge = edge;
    }

    /**
     * Remembers where to come back to and starts the authorization-code login. A visitor who opened the site under
     * another name than the public address (localhost rather than 127.0.0.1, say) is first moved to the public
     * address, since org-registry only returns people there and the session cookie belongs to one host; the
     * {@code canonical} marker makes sure that happens at most once.
     */
    @GetMapping("/bff/login")
    Mono<Void> login(
            @RequestParam(name = "return", required = false) @Nullable String returnTo,
            @RequestParam(name = "canonical", required = false) @Nullable String canonical,
            ServerWebExchange exchange) {
        var path = ReturnPath.from(returnTo);
        var publicUrl = edge.publicUrl();
        if (publicUrl != null && canonical == null && !sameHost(exchange, URI.create(publicUrl))) {
            return redirect(
                    exchange,
                    UriComponentsBuilder.fromUriString(publicUrl)
                            .path("/bff/login")
                            .queryParam("return", path.value())
                            .queryParam("canonical", "1")
                            .encode()
                            .build()
                            .toUri());
        }
        return exchange.getSession()
                .doOnNext(session -> session.getAttributes().put(ReturnToRequestedPage.ATTRIBUTE, path.value()))
                .then(redirect(
                        exchange, URI.create(SignInSecurity.AUTHORIZATION_PATH + "/" + SignInSecurity.REGISTRATION)));
    }

    /** The signed-in person as the pages need them: what to show and which actions to offer. */
    @GetMapping("/bff/me")
    Mono<ResponseEntity<Map<String, Object>>> me(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .map(principal -> ((OAuth2AuthenticationToken) principal).getPrincipal())
                .filter(OidcUser.class::isInstance)
                .cast(OidcUser.class)
                .map(person -> ResponseEntity.ok()
                        .cacheControl(CacheControl.noStore())
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(describe(person)))
                .defaultIfEmpty(notSignedIn(exchange));
    }

    private static ResponseEntity<Map<String, Object>> notSignedIn(ServerWebExchange exchange) {
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "urn:whistle:problem:not-signed-in");
        problem.put("title", "尚未登录");
        problem.put("status", HttpStatus.UNAUTHORIZED.value());
        problem.put("detail", "请先登录（/bff/login）。");
        problem.put("instance", exchange.getRequest().getPath().value());
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static Map<String, Object> describe(OidcUser person) {
        var me = new LinkedHashMap<String, Object>();
        me.put("subject", person.getSubject());
        me.put("name", person.getClaimAsString(NAME));
        me.put("roles", listClaim(person, ROLES));
        me.put("orgScope", listClaim(person, ORG_SCOPE));
        me.put("unit", person.getClaimAsString(UNIT));
        return me;
    }

    private static List<String> listClaim(OidcUser person, String claim) {
        var values = person.getClaimAsStringList(claim);
        return values == null ? List.of() : values;
    }

    private static Mono<Void> redirect(ServerWebExchange exchange, URI location) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.FOUND);
        response.getHeaders().setLocation(location);
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        return response.setComplete();
    }

    private static boolean sameHost(ServerWebExchange exchange, URI publicUrl) {
        var host = exchange.getRequest().getHeaders().getFirst(HttpHeaders.HOST);
        var publicHost =
                publicUrl.getPort() == -1 ? publicUrl.getHost() : publicUrl.getHost() + ":" + publicUrl.getPort();
        return publicHost.equalsIgnoreCase(host);
    }
}
