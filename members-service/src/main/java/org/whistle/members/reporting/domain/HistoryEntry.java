package org.whistle.members.reporting.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One step of a membership's history (报到, 确认, 调整网格, 转移, 修改资料): append-only, as dispatch's timeline. */
public record HistoryEntry(
        int seq,
        Instant at,
        Action action,
        String actor,
        String actorName,
        String compoundId,
        @Nullable String gridId,
        @Nullable String buildingId,
        @Nullable String note) {

    /** What happened, in the words the history shows. */
    public enum Action {
        REPORTED_IN("报到"),
        CONFIRMED("确认报到"),
        DECLINED("退回报到"),
        REASSIGNED("调整网格"),
        TRANSFERRED("迁居转移"),
        PROFILE_CHANGED("修改资料");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
