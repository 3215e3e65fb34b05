package org.whistle.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A signed checkpoint of ticket timelines (ADR 0016): the heads of every timeline that changed since the previous
 * checkpoint, a Merkle root over them, and an Ed25519 signature by the producer's anchor key. Checkpoints are numbered
 * 1, 2, 3 … and each names the digest of the one before, so a missing or replaced checkpoint shows. Published on the
 * compacted topic {@link Topics#TIMELINE_CHECKPOINTS} keyed by the zero-padded number: every checkpoint has its own key,
 * so compaction keeps them all and only collapses a checkpoint published twice.
 *
 * <p>Leaves and root: {@code leaf = SHA-256(0x00 ‖ UTF-8(ticketId ":" sequence ":" hash))} for each head in the order
 * given (ascending ticket id), {@code node = SHA-256(0x01 ‖ left ‖ right)}, an odd last node is carried up unchanged;
 * {@code merkleRoot} is the lowercase hex of the top node. The signature covers {@link #signedText()}.
 *
 * @param previousDigest {@link #digest()} of checkpoint {@code number - 1}; 64 zeros for the first
 * @param keyId lowercase hex SHA-256 of the signing public key (X.509 DER), naming which published key verifies it
 * @param signature base64 Ed25519 signature of {@link #signedText()}
 */
public record TimelineCheckpoint(
        String producer,
        long number,
        String previousDigest,
        Instant at,
        List<Head> heads,
        String merkleRoot,
        String keyId,
        String signature)
        implements EventData {

    /** Format of {@link #signedText()}; a changed form is a new format name, verified side by side. */
    public static final String FORMAT = "whistle-checkpoint/1";

    /** One ticket's timeline head at the checkpoint. */
    public record Head(TicketId ticketId, WhistleId whistleId, long sequence, String hash) {}

    /** Checkpoints of one producer share a key prefix; the number orders them. */
    @Override
    public String key() {
        return producer + "/" + String.format("%019d", number);
    }

    /**
     * The text the signature covers, one field per line: the format name, producer, number, previousDigest, at
     * (ISO-8601 UTC), the count of heads and merkleRoot.
     */
    public String signedText() {
        return FORMAT + "\nproducer=" + producer + "\nnumber=" + number + "\npreviousDigest=" + previousDigest + "\nat="
                + at + "\nheads=" + heads.size() + "\nmerkleRoot=" + merkleRoot + "\n";
    }

    /** Lowercase hex SHA-256 of {@link #signedText()} followed by the signature: what the next checkpoint names. */
    public String digest() {
        return Digests.sha256Hex((signedText() + "signature=" + signature + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
