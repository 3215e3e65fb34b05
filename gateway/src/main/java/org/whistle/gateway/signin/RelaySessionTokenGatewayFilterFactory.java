package org.whistle.gateway.signin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code RelaySessionToken} on a route: a request from a signed-in browser goes on with the person's access token
 * as its bearer token, refreshed first when it has expired. A request that brings its own {@code Authorization}
 * (a department system) keeps it; an anonymous one goes on as it came. When the session's tokens can no longer be
 * refreshed (revoked, or past the refresh token's life) the request goes on without one, so the service answers
 * 401 and the page sends the person to sign in again — rather than the gateway failing with a 500.
 */
@Component
class RelaySessionTokenGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private static final Logger log = LoggerFactory.getLogger(RelaySessionTokenGatewayFilterFactory.class);

    private final ReactiveOAuth2AuthorizedClientManager clients;

    RelaySessionTokenGatewayFilterFactory(ReactiveOAuth2AuthorizedClientManager clients) {
        super(Object.class);
        this.clients = clients;
    }

    @Override
    public GatewayFilter apply(Object config) {
        return (exchange, chain) -> {
            if (exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
                return chain.filter(exchange);
            }
            return exchange.getPrincipal()
                    .filter(OAuth2AuthenticationToken.class::isInstance)
                    .cast(OAuth2AuthenticationToken.class)
                    .flatMap(person -> accessToken(person, exchange))
                    .map(token -> exchange.mutate()
                            .request(request -> request.headers(headers -> headers.setBearerAuth(token)))
                            .build())
                    .defaultIfEmpty(exchange)
                    .flatMap(chain::filter);
        };
    }

    private Mono<String> accessToken(OAuth2AuthenticationToken person, ServerWebExchange exchange) {
        var request = OAuth2AuthorizeRequest.withClientRegistrationId(person.getAuthorizedClientRegistrationId())
                .principal(person)
                .attribute(ServerWebExchange.class.getName(), exchange)
                .build();
        return clients.authorize(request)
                .map(client -> client.getAccessToken().getTokenValue())
                .onErrorResume(ClientAuthorizationException.class, e -> {
                    log.info(
                            "A signed-in session could not renew its access token: {}",
                            e.getError().getErrorCode());
                    return Mono.empty();
                });
    }
}
