package org.whistle.orgregistry.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every absolute URL this service builds — the login redirect, the return to the authorization request after
 * signing in, the issuer and the endpoints in discovery, logout redirects — names the configured public address (the
 * issuer, {@code WHISTLE_IDENTITY_ISSUER}), never the {@code Host} or {@code X-Forwarded-Host} a request brings: the
 * gateway passes on whatever {@code Host} a caller sent as {@code X-Forwarded-Host}, so believing it would let a
 * caller send a person's sign-in, code and all, to an address of their choosing. Requests are seen as if they
 * arrived at the public address; their path, query and the caller's address (from the trusted proxies' {@code
 * X-Forwarded-For}) stay as they are.
 *
 * <p>Without a configured issuer (development, tests) requests keep their own address, and Tomcat believes
 * forwarded headers only from private and loopback addresses ({@code server.forward-headers-strategy: native}).
 */
@Configuration(proxyBeanMethods = false)
class PublicAddress {

    private static final Logger log = LoggerFactory.getLogger(PublicAddress.class);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> publicAddressFilter(IdentityProperties properties) {
        var issuer = properties.issuer();
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(
                issuer == null || issuer.isBlank() ? new AsItCame() : new AtPublicAddress(URI.create(issuer)));
        // Before Spring Security and everything else that reads the request's address.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("publicAddress");
        return registration;
    }

    /** No public address configured: nothing to pin, said once at start. */
    private static final class AsItCame extends OncePerRequestFilter {

        AsItCame() {
            log.warn("whistle.identity.issuer is not set: login redirects and the issuer follow each request's own"
                    + " address. Set it (WHISTLE_IDENTITY_ISSUER) wherever people reach this service.");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, response);
        }
    }

    /** Presents every request as arriving at the public address. */
    static final class AtPublicAddress extends OncePerRequestFilter {

        private final String scheme;
        private final String host;
        private final int port;
        private final String hostHeader;

        AtPublicAddress(URI publicAddress) {
            if (publicAddress.getScheme() == null || publicAddress.getHost() == null) {
                throw new IllegalArgumentException(
                        "whistle.identity.issuer must be an absolute http(s) URL, not " + publicAddress);
            }
            this.scheme = publicAddress.getScheme().toLowerCase(Locale.ROOT);
            this.host = publicAddress.getHost();
            this.port = publicAddress.getPort() != -1 ? publicAddress.getPort() : "https".equals(scheme) ? 443 : 80;
            this.hostHeader = publicAddress.getPort() == -1 ? host : host + ":" + port;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(new Pinned(request), new Redirects(response));
        }

        /**
         * Tomcat would complete a relative redirect ({@code /login}) with the address the request came in on, not
         * with the one above; completed here, it names the public address.
         */
        private final class Redirects extends HttpServletResponseWrapper {

            Redirects(HttpServletResponse response) {
                super(response);
            }

            @Override
            public void sendRedirect(String location) throws IOException {
                super.sendRedirect(absolute(location));
            }

            @Override
            public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
                super.sendRedirect(absolute(location), status, clearBuffer);
            }

            private String absolute(String location) {
                return location.startsWith("/") && !location.startsWith("//")
                        ? scheme + "://" + hostHeader + location
                        : location;
            }
        }

        private final class Pinned extends HttpServletRequestWrapper {

            Pinned(HttpServletRequest request) {
                super(request);
            }

            @Override
            public String getScheme() {
                return scheme;
            }

            @Override
            public boolean isSecure() {
                return "https".equals(scheme);
            }

            @Override
            public String getServerName() {
                return host;
            }

            @Override
            public int getServerPort() {
                return port;
            }

            @Override
            public StringBuffer getRequestURL() {
                var url = new StringBuffer(scheme).append("://").append(hostHeader);
                return url.append(getRequestURI());
            }

            @Override
            public @Nullable String getHeader(String name) {
                if (isForwardedAddress(name)) {
                    return null;
                }
                return HttpHeaders.HOST.equalsIgnoreCase(name) ? hostHeader : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                if (isForwardedAddress(name)) {
                    return Collections.emptyEnumeration();
                }
                return HttpHeaders.HOST.equalsIgnoreCase(name)
                        ? Collections.enumeration(java.util.List.of(hostHeader))
                        : super.getHeaders(name);
            }
        }

        /** Headers that would name another address to code that reads them itself (e.g. a forwarded-header filter). */
        private static boolean isForwardedAddress(String name) {
            return "X-Forwarded-Host".equalsIgnoreCase(name)
                    || "X-Forwarded-Proto".equalsIgnoreCase(name)
                    || "X-Forwarded-Port".equalsIgnoreCase(name)
                    || "X-Forwarded-Prefix".equalsIgnoreCase(name)
                    || "Forwarded".equalsIgnoreCase(name);
        }
    }
}
