package org.whistle.members.reporting.domain;

import static org.whistle.members.reporting.domain.MembershipState.CONFIRMED;
import static org.whistle.members.reporting.domain.MembershipState.DECLINED;
import static org.whistle.members.reporting.domain.MembershipState.PENDING;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The membership's transition table, as data ({@code action: from → to}):
 *
 * <pre>
 * CONFIRM   PENDING                    → CONFIRMED (grid, building assigned)
 * DECLINE   PENDING                    → DECLINED
 * REASSIGN  CONFIRMED                  → CONFIRMED (another grid or building of the same compound)
 * TRANSFER  PENDING CONFIRMED DECLINED → PENDING at the new compound (moving house; the old one stays in history)
 * </pre>
 */
public final class MembershipTransitions {

    /** What may be done to a membership. */
    public enum Action {
        CONFIRM,
        DECLINE,
        REASSIGN,
        TRANSFER
    }

    private static final Map<Action, Set<MembershipState>> FROM = new EnumMap<>(Action.class);

    static {
        FROM.put(Action.CONFIRM, EnumSet.of(PENDING));
        FROM.put(Action.DECLINE, EnumSet.of(PENDING));
        FROM.put(Action.REASSIGN, EnumSet.of(CONFIRMED));
        FROM.put(Action.TRANSFER, EnumSet.of(PENDING, CONFIRMED, DECLINED));
    }

    private MembershipTransitions() {}

    public static boolean allowed(Action action, MembershipState from) {
        return FROM.get(action).contains(from);
    }
}
