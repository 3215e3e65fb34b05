package org.whistle.events;

import java.util.Optional;

/** The three command levels (指挥中心); escalation moves a ticket one level up. */
public enum CommandLevel {
    /** 街道/乡镇 command centre: owns a whistle first. */
    STREET,
    /** 县区 command centre: the fallback owner (兜底) and first escalation level. */
    DISTRICT,
    /** 市 command centre: the last level; an expired clock here puts the unit on the red list. */
    CITY;

    /** The level an overdue ticket escalates to, empty at city level. */
    public Optional<CommandLevel> above() {
        return switch (this) {
            case STREET -> Optional.of(DISTRICT);
            case DISTRICT -> Optional.of(CITY);
            case CITY -> Optional.empty();
        };
    }
}
