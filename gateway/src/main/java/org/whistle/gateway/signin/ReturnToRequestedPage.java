package org.whistle.gateway.signin;

import java.net.URI;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import reactor.core.publisher.Mono;

/** After signing in, back to the page that sent the person to sign in ({@code /bff/login?return=…}). */
final class ReturnToRequestedPage implements ServerAuthenticationSuccessHandler {

    static final String ATTRIBUTE = ReturnToRequestedPage.class.getName() + ".path";

    private final DefaultServerRedirectStrategy redirects = new DefaultServerRedirectStrategy();

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange filterExchange, Authentication authentication) {
        var exchange = filterExchange.getExchange();
        return exchange.getSession().flatMap(session -> {
            var requested = session.getAttributes().remove(ATTRIBUTE);
            var path = ReturnPath.from(requested instanceof String text ? text : null);
            return redirects.sendRedirect(exchange, URI.create(path.value()));
        });
    }
}
