package org.whistle.dispatch.ticket.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.events.Actor;
import org.whistle.events.EvidenceRef;
import org.whistle.events.TicketId;
import org.whistle.events.TicketState;
import org.whistle.orgreference.domain.routing.UnitCode;

/**
 * One append-only line of a ticket's timeline, chained to the one before it by SHA-256.
 *
 * <p>{@code hash = lowercase hex SHA-256 of the UTF-8 bytes of} {@link #canonicalForm(TicketId)}, which is, one field
 * per line, each line ending in {@code \n}:
 *
 * <pre>
 * whistle-timeline/1
 * ticket=L:VALUE
 * sequence=L:VALUE
 * at=L:VALUE                 (Instant.toString(), UTC, microsecond precision)
 * actor.userId=L:VALUE
 * actor.orgUnitId=L:VALUE
 * actor.role=L:VALUE
 * action=L:VALUE             (TicketAction name)
 * note=L:VALUE
 * evidence=L:COUNT
 * evidence.I.mediaId=L:VALUE      (for I = 0 .. COUNT-1, in order)
 * evidence.I.contentType=L:VALUE
 * evidence.I.sha256=L:VALUE
 * stateBefore=L:VALUE        (TicketState name)
 * stateAfter=L:VALUE
 * unit=L:VALUE
 * previousHash=L:VALUE       (64 zeros for the first entry)
 * </pre>
 *
 * where {@code L} is the UTF-8 byte length of {@code VALUE}; an absent value is written as a lone {@code -} (no
 * length), so "absent" and "empty" differ and no value can forge a line. The ticket id is covered so an entry cannot
 * be moved to another ticket's chain. Times are truncated to microseconds when the entry is made, which PostgreSQL
 * {@code timestamptz} keeps exactly.
 */
public record TimelineEntry(
        long sequence,
        Instant at,
        Actor actor,
        TicketAction action,
        @Nullable String note,
        List<EvidenceRef> evidence,
        @Nullable TicketState stateBefore,
        TicketState stateAfter,
        @Nullable UnitCode unit,
        String previousHash,
        String hash) {

    public static final String GENESIS = "0".repeat(64);
    static final String FORMAT_VERSION = "whistle-timeline/1";

    public TimelineEntry {
        evidence = List.copyOf(evidence);
    }

    /** Makes the entry that follows {@code previousHash} on {@code ticket}'s chain, computing its hash. */
    static TimelineEntry next(
            TicketId ticket,
            long sequence,
            Instant at,
            Actor actor,
            TicketAction action,
            @Nullable String note,
            List<EvidenceRef> evidence,
            @Nullable TicketState stateBefore,
            TicketState stateAfter,
            @Nullable UnitCode unit,
            String previousHash) {
        var unhashed = new TimelineEntry(
                sequence,
                at.truncatedTo(ChronoUnit.MICROS),
                actor,
                action,
                note,
                evidence,
                stateBefore,
                stateAfter,
                unit,
                previousHash,
                "");
        return unhashed.withHash(unhashed.computeHash(ticket));
    }

    /** The hash these fields should carry on {@code ticket}'s chain. */
    public String computeHash(TicketId ticket) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonicalForm(ticket).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The text the hash covers; see the class comment. */
    public String canonicalForm(TicketId ticket) {
        var out = new StringBuilder(FORMAT_VERSION).append('\n');
        field(out, "ticket", ticket.toString());
        field(out, "sequence", Long.toString(sequence));
        field(out, "at", at.toString());
        field(out, "actor.userId", actor.userId());
        field(out, "actor.orgUnitId", actor.orgUnitId());
        field(out, "actor.role", actor.role());
        field(out, "action", action.name());
        field(out, "note", note);
        field(out, "evidence", Integer.toString(evidence.size()));
        for (int i = 0; i < evidence.size(); i++) {
            var ref = evidence.get(i);
            field(out, "evidence." + i + ".mediaId", ref.mediaId());
            field(out, "evidence." + i + ".contentType", ref.contentType());
            field(out, "evidence." + i + ".sha256", ref.sha256());
        }
        field(out, "stateBefore", stateBefore == null ? null : stateBefore.name());
        field(out, "stateAfter", stateAfter.name());
        field(out, "unit", unit == null ? null : unit.value());
        field(out, "previousHash", previousHash);
        return out.toString();
    }

    TimelineEntry withHash(String newHash) {
        return new TimelineEntry(
                sequence, at, actor, action, note, evidence, stateBefore, stateAfter, unit, previousHash, newHash);
    }

    private static void field(StringBuilder out, String name, @Nullable String value) {
        out.append(name).append('=');
        if (value == null) {
            out.append('-');
        } else {
            out.append(value.getBytes(StandardCharsets.UTF_8).length)
                    .append(':')
                    .append(value);
        }
        out.append('\n');
    }
}
