package org.whistle.gateway.edge;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.whistle.gateway.EdgeProperties;

/**
 * The address a request came from: the socket's peer, or — only when that peer is a configured trusted proxy — the
 * nearest {@code X-Forwarded-For} entry that is not itself a trusted proxy. A client cannot pick its own key: what it
 * writes into {@code X-Forwarded-For} itself sits further left than what the trusted proxy appended.
 *
 * <p>Trusted proxies are addresses or CIDR ranges: an ingress controller's pods change address with every restart,
 * so the production overlay names its pod range.
 */
@Component
public class ClientAddress {

    /** What may be an address at all; anything else in the header is never parsed, let alone looked up in DNS. */
    private static final Pattern LITERAL =
            Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F.]*:[0-9a-fA-F:.]{1,44}");

    private final List<Range> trustedProxies;

    ClientAddress(EdgeProperties properties) {
        this.trustedProxies = properties.trustedProxies().stream()
                .map(String::trim)
                .filter(entry -> !entry.isEmpty())
                .map(Range::parse)
                .toList();
    }

    public String of(ServerHttpRequest request) {
        var remote = request.getRemoteAddress();
        var peer = remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
        if (!trusted(peer)) {
            return peer;
        }
        var forwarded = request.getHeaders().getValuesAsList("X-Forwarded-For");
        for (var i = forwarded.size() - 1; i >= 0; i--) {
            var hop = forwarded.get(i).trim();
            if (hop.isEmpty() || trusted(hop)) {
                continue;
            }
            // The proxy we trust wrote this entry; if it is not an address, the proxy is misconfigured and the peer
            // is the only address we know.
            return LITERAL.matcher(hop).matches() ? hop : peer;
        }
        return peer;
    }

    private boolean trusted(String address) {
        var parsed = literal(address);
        return parsed != null && trustedProxies.stream().anyMatch(range -> range.contains(parsed));
    }

    /** The address a literal names, or null; never a name lookup. */
    private static @Nullable InetAddress literal(String text) {
        if (!LITERAL.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address ({@code 10.0.0.7}) or a CIDR range ({@code 10.42.0.0/16}, {@code fd00::/8}). */
    private record Range(byte[] network, int prefixBits) {

        static Range parse(String entry) {
            var slash = entry.indexOf('/');
            var address = literal(slash < 0 ? entry : entry.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException(
                        "whistle.gateway.trusted-proxies takes addresses and CIDR ranges, not " + entry);
            }
            var bytes = address.getAddress();
            int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(entry.substring(slash + 1));
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("no such prefix length: " + entry);
            }
            return new Range(bytes, bits);
        }

        boolean contains(InetAddress address) {
            var bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixBits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
