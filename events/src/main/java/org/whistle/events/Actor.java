package org.whistle.events;

import org.jspecify.annotations.Nullable;

/**
 * Who did something: a user acting in a role for an organisation unit, or a system process (then {@code userId} is
 * {@code system:<service>}).
 */
public record Actor(
        String userId, @Nullable String orgUnitId, @Nullable String role) {

    public static Actor system(String service) {
        return new Actor("system:" + service, null, null);
    }
}
