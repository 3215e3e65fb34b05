package org.whistle.notification.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.whistle.notification.NotificationProperties;
import org.whistle.notification.webhooks.domain.TargetAddresses;
import org.whistle.texts.Catalogue;
import org.whistle.texts.Phrase;

/**
 * Checks where a webhook goes, at registration and again at every delivery (a DNS answer can change): an absolute
 * https URL (http too where {@code webhooks.allow-http} is set, the local stack only) without user info, whose host
 * resolves to public addresses only ({@link TargetAddresses}). The delivery connects to the address checked here, so
 * a second DNS answer cannot slip in between the check and the connection.
 */
@Component
public class WebhookTargets {

    /** A URL that may not be used, with the reason by catalogue key; the message is its Chinese wording (delivery log). */
    public static final class Refused extends Exception {

        private final transient Phrase reason;

        Refused(String key) {
            this(Phrase.of(key));
        }

        Refused(Phrase reason) {
            super(reason.in(Catalogue.chinese()));
            this.reason = reason;
        }

        /** The reason, for the registration answer in the caller's language. */
        public Phrase reason() {
            return reason;
        }
    }

    /** A checked target: the URL, the host name (for Host and TLS) and the address to connect to. */
    public record Target(URI uri, String scheme, String host, int port, InetAddress address) {}

    /** Looks a host name up; the system's resolver outside tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowHttp;
    private final Set<InetAddress> testOnlyAllowed = new HashSet<>();
    private final Resolver resolver;

    @Autowired
    WebhookTargets(NotificationProperties properties) {
        this(properties, InetAddress::getAllByName);
    }

    WebhookTargets(NotificationProperties properties, Resolver resolver) {
        this.resolver = resolver;
        this.allowHttp = properties.webhooks().allowHttp();
        for (var address : properties.webhooks().testOnlyAllowedAddresses()) {
            // An empty entry would resolve to loopback: an unset list must allow nothing.
            if (address.isBlank()) {
                continue;
            }
            try {
                testOnlyAllowed.add(InetAddress.getByName(address));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an address: " + address, e);
            }
        }
    }

    /** Checks a URL: its form, its scheme and every address its host resolves to now. */
    public Target check(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("notification.refusal.webhook.notAUrl");
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || (allowHttp && scheme.equals("http")))) {
            throw new Refused(
                    allowHttp ? "notification.refusal.webhook.httpOrHttps" : "notification.refusal.webhook.httpsOnly");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() == null) {
            throw new Refused("notification.refusal.webhook.userInfo");
        }
        var host = host(uri);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        var addresses = resolve(host);
        for (var address : addresses) {
            if (!TargetAddresses.isPublic(address) && !testOnlyAllowed.contains(address)) {
                // What the delivery log and the registration answer say of a refused target: no address, no answer
                // text.
                throw new Refused("notification.refusal.webhook.addressNotAllowed");
            }
        }
        return new Target(uri, scheme, host, port, addresses.getFirst());
    }

    /**
     * The host as written: {@link URI} leaves it null for spellings it does not take for names ({@code 0x7f.1},
     * {@code 2130706433}), so it is read from the authority then.
     */
    private static String host(URI uri) throws Refused {
        var host = uri.getHost();
        if (host == null) {
            var authority = uri.getRawAuthority();
            int colon = authority.lastIndexOf(':');
            host = colon > 0 && !authority.endsWith("]") ? authority.substring(0, colon) : authority;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw new Refused("notification.refusal.webhook.noHost");
        }
        return host;
    }

    private List<InetAddress> resolve(String host) throws Refused {
        try {
            var numeric = TargetAddresses.numericIpv4(host);
            if (numeric.isPresent()) {
                return List.of(numeric.get());
            }
            if (host.contains(":")) {
                return List.of(InetAddress.getByName(host)); // an IPv6 literal: no lookup
            }
            return Arrays.asList(resolver.resolve(host));
        } catch (UnknownHostException e) {
            throw new Refused("notification.refusal.webhook.unresolved");
        }
    }
}
