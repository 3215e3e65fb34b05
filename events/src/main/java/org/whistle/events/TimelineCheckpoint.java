package org.whistle.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
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

    /** The Merkle root of {@code heads} in the given order, as the class comment defines it; 64 zeros when empty. */
    public static String merkleRootOf(List<Head> heads) {
        if (heads.isEmpty()) {
            return "0".repeat(64);
        }
        var level = new ArrayList<byte[]>();
        for (var head : heads) {
            level.add(sha256(
                    (byte) 0,
                    (head.ticketId() + ":" + head.sequence() + ":" + head.hash()).getBytes(StandardCharsets.UTF_8)));
        }
        while (level.size() > 1) {
            var up = new ArrayList<byte[]>();
            for (int i = 0; i < level.size(); i += 2) {
                if (i + 1 == level.size()) {
                    up.add(level.get(i));
                } else {
                    var pair = new byte[64];
                    System.arraycopy(level.get(i), 0, pair, 0, 32);
                    System.arraycopy(level.get(i + 1), 0, pair, 32, 32);
                    up.add(sha256((byte) 1, pair));
                }
            }
            level = up;
        }
        return HexFormat.of().formatHex(level.getFirst());
    }

    /** The id a checkpoint names its signing key by: lowercase hex SHA-256 of the key's X.509 encoding. */
    public static String keyIdOf(PublicKey key) {
        return Digests.sha256Hex(key.getEncoded());
    }

    /**
     * Whether this checkpoint is what it claims: its root is the root of its heads, and {@code key} (which must be the
     * key {@link #keyId} names) signed it.
     */
    public boolean verifiesWith(PublicKey key) {
        if (!keyIdOf(key).equals(keyId) || !merkleRootOf(heads).equals(merkleRoot)) {
            return false;
        }
        try {
            var verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(signedText().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] sha256(byte prefix, byte[] bytes) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(prefix);
            return digest.digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
