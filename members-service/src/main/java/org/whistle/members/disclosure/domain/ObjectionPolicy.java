package org.whistle.members.disclosure.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Who may object to a 公示 and until when: a confirmed member of the compound, once, before the window closes. A
 * refusal says why in the words the member reads, naming the deadline in Beijing time.
 */
public final class ObjectionPolicy {

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    /** The answer. */
    public sealed interface Decision {}

    public record Allowed() implements Decision {}

    public record Refused(String reason) implements Decision {}

    private ObjectionPolicy() {}

    public static Decision decide(Instant now, Instant until, boolean memberOfCompound, boolean objectedBefore) {
        if (!memberOfCompound) {
            return new Refused("只有本小区已报到的成员可以对公示提出异议");
        }
        if (now.isAfter(until)) {
            return new Refused("异议期已于 " + SHOWN.format(until) + "（北京时间）结束");
        }
        if (objectedBefore) {
            return new Refused("您已对本次公示提出过异议，请等待答复");
        }
        return new Allowed();
    }
}
