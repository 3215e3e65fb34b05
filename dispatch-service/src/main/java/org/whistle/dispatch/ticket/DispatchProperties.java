package org.whistle.dispatch.ticket;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.whistle.dispatch.ticket.domain.ExtensionPolicy;
import org.whistle.dispatch.ticket.domain.ReopenPolicy;

/**
 * {@code whistle.dispatch.*}.
 *
 * @param cityPrefix the ticket numbers' prefix, e.g. {@code QQHR}
 * @param cityNode the city's node code: the owner of last resort for a whistle without grid or street
 * @param reopenWindow how long after closing a "not fixed" answer still reopens the ticket
 */
@ConfigurationProperties("whistle.dispatch")
public record DispatchProperties(
        @DefaultValue("QQHR") String cityPrefix,
        @DefaultValue("230200") String cityNode,
        @DefaultValue("30d") Duration reopenWindow,
        @DefaultValue Extensions extensions) {

    /** Limits of {@link ExtensionPolicy}. */
    public record Extensions(
            @DefaultValue("2") int maxPerTask,
            @DefaultValue("7d") Duration maxExtraTime) {}

    public ReopenPolicy reopenPolicy() {
        return new ReopenPolicy(reopenWindow);
    }

    public ExtensionPolicy extensionPolicy() {
        return new ExtensionPolicy(extensions.maxPerTask(), extensions.maxExtraTime());
    }
}
