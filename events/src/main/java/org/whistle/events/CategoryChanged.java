package org.whistle.events;

import org.jspecify.annotations.Nullable;

/**
 * The current state of one event category (大类/小类).
 *
 * @param parentCode the 大类 of a 小类; null for a 大类 (categories have two levels only)
 * @param handlingClass which resolve deadline applies (e.g. {@code EMERGENCY}, {@code UTILITIES}, {@code GENERAL},
 *     {@code COMPLEX}; design §5)
 * @param defaultUrgency the urgency a whistle of this category gets unless its reporter or dispatcher says otherwise
 */
public record CategoryChanged(
        String code,
        String name,
        @Nullable String nameEn,
        @Nullable String parentCode,
        String handlingClass,
        Urgency defaultUrgency,
        boolean active)
        implements ReferenceEvent {

    @Override
    public String key() {
        return code;
    }
}
