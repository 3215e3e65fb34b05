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
        @DefaultValue Extensions extensions,
        @DefaultValue Anchors anchors) {

    /**
     * Anchoring timelines outside the database (ADR 0016).
     *
     * @param interval how often changed timeline heads are checkpointed
     * @param maxHeadsPerCheckpoint heads in one checkpoint (1,000 heads ≈ 200 KB, far below the 1 MiB record limit)
     * @param maxCheckpointsPerRun checkpoints one run makes at most, so a backlog is worked off in bounded steps
     * @param signingKey base64 PKCS#8 Ed25519 private key that signs checkpoints ({@code
     *     WHISTLE_DISPATCH_ANCHORS_SIGNING_KEY}); when absent a key is made for this process only
     * @param publicKey base64 X.509 public key of {@code signingKey}, published ({@code
     *     WHISTLE_DISPATCH_ANCHORS_PUBLIC_KEY}); required with {@code signingKey}
     * @param trustedKeys base64 X.509 public keys of earlier signing keys whose checkpoints still verify
     * @param clockSkew how much earlier than a ticket's creation its anchors may carry broker timestamps
     * @param maxScannedRecords records one verification reads from Kafka at most
     */
    public record Anchors(
            @DefaultValue("60s") Duration interval,
            @DefaultValue("1000") int maxHeadsPerCheckpoint,
            @DefaultValue("10") int maxCheckpointsPerRun,
            @org.jspecify.annotations.Nullable String signingKey,
            @org.jspecify.annotations.Nullable String publicKey,
            @DefaultValue java.util.List<String> trustedKeys,
            @DefaultValue("5m") Duration clockSkew,
            @DefaultValue("2000000") long maxScannedRecords) {}

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
