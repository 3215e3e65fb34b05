package org.whistle.gateway.edge;

import java.util.Set;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.whistle.gateway.EdgeProperties;

/**
 * The address a request came from: the socket's peer, or — only when that peer is a configured trusted proxy — the
 * nearest {@code X-Forwarded-For} entry that is not itself a trusted proxy. A client cannot pick its own key.
 */
@Component
class ClientAddress {

    private final Set<String> trustedProxies;

    ClientAddress(EdgeProperties properties) {
        this.trustedProxies = Set.copyOf(properties.trustedProxies());
    }

    String of(ServerHttpRequest request) {
        var remote = request.getRemoteAddress();
        var peer = remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        var forwarded = request.getHeaders().getValuesAsList("X-Forwarded-For");
        for (var i = forwarded.size() - 1; i >= 0; i--) {
            var hop = forwarded.get(i).trim();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }
}
