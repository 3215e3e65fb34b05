package org.whistle.gateway.edge;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.whistle.gateway.EdgeProperties;
import org.whistle.texts.Catalogue;
import org.whistle.texts.Phrase;
import reactor.core.publisher.Mono;

/**
 * The coarse edge limits per client address ({@link ClientAddress}), in fixed windows held in memory: on the
 * anonymous routes — POST /api/whistles/**, all of /open311/v2/** and the disclosed figures under
 * /api/evaluation/public/** (ADR 0033) — and on signing in — org-registry's login page
 * and the form posted to it, where guessing passwords starts, and the WeChat sign-in paths. Intake limits per phone and device behind it, and
 * org-registry slows down failures per account; this only keeps one address from flooding the platform. Each gateway
 * instance counts on its own (see ADR 0011).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class AnonymousRateLimitFilter implements WebFilter {

    /** Beyond this many tracked addresses, expired windows are swept before a new one is added. */
    private static final int SWEEP_ABOVE = 50_000;

    static final String LOGIN_PATH = "/login";
    static final String WECHAT_LOGIN_PATH = "/login/wechat";
    static final String MINI_PROGRAM_SESSIONS_PATH = "/api/org/wechat/mini-program/sessions";

    private final ClientAddress clientAddress;
    private final Limit anonymous;
    private final Limit signIn;
    private final Clock clock;

    AnonymousRateLimitFilter(ClientAddress clientAddress, EdgeProperties properties) {
        this.clientAddress = clientAddress;
        var limits = properties.rateLimits();
        this.anonymous = new Limit(limits.anonymousLimitForPeriod(), limits.anonymousPeriod());
        this.signIn = new Limit(limits.signInLimitForPeriod(), limits.signInPeriod());
        this.clock = Clock.systemUTC();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (isSignIn(exchange)) {
            var now = clock.instant();
            var window = signIn.count(clientAddress.of(exchange.getRequest()), now);
            if (window.count() <= signIn.limit()) {
                return chain.filter(exchange);
            }
            closeIfBodyUnread(exchange);
            return signInLimited(exchange, Duration.between(now, window.end()));
        }
        if (isAnonymous(exchange)) {
            var now = clock.instant();
            var window = anonymous.count(clientAddress.of(exchange.getRequest()), now);
            if (window.count() <= anonymous.limit()) {
                return chain.filter(exchange);
            }
            closeIfBodyUnread(exchange);
            return Problems.write(
                    exchange,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "too-many-requests",
                    Phrase.of("problem.gateway.tooManyRequests.title"),
                    Phrase.of("problem.gateway.tooManyRequests.detail"),
                    Duration.between(now, window.end()));
        }
        return chain.filter(exchange);
    }

    /** A refused body is never read: the rest of it would be taken for the next request on the connection. */
    private static void closeIfBodyUnread(ServerWebExchange exchange) {
        var headers = exchange.getRequest().getHeaders();
        if (headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        }
    }

    private static boolean isAnonymous(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        var path = request.getPath().pathWithinApplication().value();
        return path.startsWith("/open311/v2/")
                || path.startsWith("/api/evaluation/public/")
                || (HttpMethod.POST.equals(request.getMethod())
                        && (path.equals("/api/whistles") || path.startsWith("/api/whistles/")));
    }

    /**
     * The login page and the sign-in form org-registry serves through the gateway, and signing in through WeChat
     * (ADR 0046): the official account's start and callback, and a mini program's code, which anyone may post and
     * which each cost a call to WeChat.
     */
    private static boolean isSignIn(ServerWebExchange exchange) {
        var path = exchange.getRequest().getPath().pathWithinApplication().value();
        return path.equals(LOGIN_PATH)
                || path.equals(WECHAT_LOGIN_PATH)
                || path.equals(WECHAT_LOGIN_PATH + "/callback")
                || path.equals(MINI_PROGRAM_SESSIONS_PATH);
    }

    /** A person at the login page gets a page; a script gets the problem detail. */
    private static Mono<Void> signInLimited(ServerWebExchange exchange, Duration wait) {
        var titled = Phrase.of("problem.gateway.signInLimited.title");
        var detailed = Phrase.of("problem.gateway.signInLimited.detail", "seconds", Problems.retryAfterSeconds(wait));
        var accepts = exchange.getRequest().getHeaders().getAccept();
        if (accepts.stream().noneMatch(MediaType.TEXT_HTML::isCompatibleWith)) {
            return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", titled, detailed, wait);
        }
        // The page is Chinese, as every page is; its words come from the same catalogue.
        var title = titled.in(Catalogue.chinese());
        var detail = detailed.in(Catalogue.chinese());
        var page = ("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                        + "</title></head><body><h1>" + title + "</h1><p>" + detail + "</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        response.getHeaders().setContentLength(page.length);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Problems.retryAfterSeconds(wait)));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(page)));
    }

    /** One limit's windows, per client address. */
    private static final class Limit {

        private final int limit;
        private final Duration period;
        private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

        Limit(int limit, Duration period) {
            this.limit = limit;
            this.period = period;
        }

        int limit() {
            return limit;
        }

        Window count(String address, Instant now) {
            if (windows.size() > SWEEP_ABOVE) {
                windows.values().removeIf(window -> !window.end().isAfter(now));
            }
            return windows.compute(
                    address,
                    (key, current) -> current == null || !current.end().isAfter(now)
                            ? new Window(now.plus(period), 1)
                            : new Window(current.end(), current.count() + 1));
        }
    }

    private record Window(Instant end, int count) {}
}
