package org.whistle.members.disclosure.domain;

import java.time.Instant;
import org.whistle.texts.Phrase;

/**
 * Who may object to a 公示 and until when: a confirmed member of the compound, once, before the window closes. A
 * refusal says why in the words the member reads, naming the deadline in Beijing time.
 */
public final class ObjectionPolicy {

    /** The answer. */
    public sealed interface Decision {}

    public record Allowed() implements Decision {}

    public record Refused(Phrase reason) implements Decision {}

    private ObjectionPolicy() {}

    public static Decision decide(Instant now, Instant until, boolean memberOfCompound, boolean objectedBefore) {
        if (!memberOfCompound) {
            return new Refused(Phrase.of("members.refusal.objectionMembersOnly"));
        }
        if (now.isAfter(until)) {
            return new Refused(Phrase.of("members.refusal.objectionClosed", "until", until));
        }
        if (objectedBefore) {
            return new Refused(Phrase.of("members.refusal.objectionGiven"));
        }
        return new Allowed();
    }
}
