package org.whistle.dispatch.anchoring;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A ticket's timeline compared with its anchors read back from Kafka (ADR 0016).
 *
 * @param verdict {@code INTACT}: every anchor matches and the latest entry is anchored; {@code NOT_YET_ANCHORED}:
 *     every anchor matches but the latest entries were made after the last anchor (they will be in the next
 *     checkpoint); {@code DIFFERS}: the table differs from what was anchored — {@code firstDifference} names where
 * @param summary the verdict in words, for people
 * @param entries entries in the table
 * @param anchoredThrough the highest sequence an anchor confirms (0: none)
 * @param chainIntact whether the table's own hash chain holds (it can hold and still differ from the anchors: a
 *     chain rewritten and re-hashed)
 * @param anchors every anchor found, oldest sequence first
 * @param problems what could not be read or trusted (an unverifiable checkpoint, a read limit reached)
 */
public record AnchorVerification(
        String ticketId,
        String verdict,
        String summary,
        int entries,
        long anchoredThrough,
        boolean chainIntact,
        @Nullable Difference firstDifference,
        List<Anchor> anchors,
        List<String> problems) {

    /**
     * The first entry that differs from what was anchored.
     *
     * @param sequence the entry named
     * @param throughSequence when the anchors cannot tell which entry of a run changed: the last entry of the run
     *     ({@code sequence} is then the first entry that may have changed)
     * @param what what differs, in words
     */
    public record Difference(long sequence, @Nullable Long throughSequence, String what) {}

    /**
     * One anchor: where it was read, what head it names, and whether the table agrees.
     *
     * @param source {@code whistle-routed}, {@code whistle-reported}, {@code whistle-closed} or {@code checkpoint}
     * @param checkpoint the checkpoint's number, for checkpoints
     * @param trusted false for a checkpoint whose signature or root does not verify; such anchors are shown, not used
     */
    public record Anchor(
            String source, @Nullable Long checkpoint, long sequence, String hash, boolean trusted, boolean matches) {}
}
