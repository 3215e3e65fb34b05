package org.whistle.events;

import org.jspecify.annotations.Nullable;

/**
 * The current state of one event category (大类/小类).
 *
 * @param handlingClass which resolve deadline applies (e.g. {@code EMERGENCY}, {@code UTILITIES}, {@code GENERAL},
 *     {@code COMPLEX}; design §5)
 */
public record CategoryChanged(
        String code,
        String name,
        @Nullable String nameEn,
        @Nullable String parentCode,
        String handlingClass,
        boolean active)
        implements ReferenceEvent {

    @Override
    public String key() {
        return code;
    }
}
