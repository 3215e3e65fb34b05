package org.whistle.notification.delivery.domain;

import java.util.Set;
import org.whistle.notification.rules.domain.ChannelKind;

/**
 * A person or system told something, addressed as {@code <kind>:<id>}: a unit's duty officers ({@code unit:<code>},
 * a command centre too), a user ({@code user:<subject>}), a phone reporter ({@code reporter:<whistle id>}; the
 * number stays in intake), a reporter signed in through WeChat ({@code wechat:<whistle id>}; the open id stays in
 * intake) or everybody in a role ({@code role:ADMINISTRATOR}).
 */
public record Recipient(Kind kind, String id) {

    /** The kinds of address and the channels that can reach them. */
    public enum Kind {
        // SMS: the unit's duty officers' phone, its duty contact in org-registry (召集, 督办)
        UNIT("unit", Set.of(ChannelKind.INBOX, ChannelKind.SSE, ChannelKind.WEBHOOK, ChannelKind.SMS)),
        USER("user", Set.of(ChannelKind.INBOX, ChannelKind.SSE)),
        // SSE: the 进度 page of an anonymous reporter who proved themselves with code and phone (ADR 0059)
        REPORTER("reporter", Set.of(ChannelKind.SMS, ChannelKind.SSE)),
        // a reporter who raised the whistle through WeChat signed in there: intake holds their open id (ADR 0046)
        WECHAT_REPORTER("wechat", Set.of(ChannelKind.WECHAT)),
        ROLE("role", Set.of(ChannelKind.INBOX, ChannelKind.SSE));

        private final String prefix;
        private final Set<ChannelKind> reachableBy;

        Kind(String prefix, Set<ChannelKind> reachableBy) {
            this.prefix = prefix;
            this.reachableBy = reachableBy;
        }
    }

    public Recipient {
        if (id.isBlank()) {
            throw new IllegalArgumentException("a recipient needs an id");
        }
    }

    public static Recipient unit(String code) {
        return new Recipient(Kind.UNIT, code);
    }

    public static Recipient user(String subject) {
        return new Recipient(Kind.USER, subject);
    }

    public static Recipient reporter(String whistleId) {
        return new Recipient(Kind.REPORTER, whistleId);
    }

    public static Recipient wechatReporter(String whistleId) {
        return new Recipient(Kind.WECHAT_REPORTER, whistleId);
    }

    public static Recipient role(String role) {
        return new Recipient(Kind.ROLE, role);
    }

    public static Recipient parse(String address) {
        int colon = address.indexOf(':');
        if (colon > 0) {
            var prefix = address.substring(0, colon);
            for (var kind : Kind.values()) {
                if (kind.prefix.equals(prefix)) {
                    return new Recipient(kind, address.substring(colon + 1));
                }
            }
        }
        throw new IllegalArgumentException("not a recipient address: " + address);
    }

    public boolean reachableBy(ChannelKind channel) {
        return kind.reachableBy.contains(channel);
    }

    public String address() {
        return kind.prefix + ":" + id;
    }

    @Override
    public String toString() {
        return address();
    }
}
