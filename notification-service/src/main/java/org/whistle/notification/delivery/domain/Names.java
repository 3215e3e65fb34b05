package org.whistle.notification.delivery.domain;

import org.jspecify.annotations.Nullable;
import org.whistle.events.CommandLevel;

/**
 * What people read instead of codes: units', centres' and categories' names for one whistle, from the org copy.
 * Never answers with a code: an unknown unit is "相关单位", an unknown centre its level's name.
 */
public interface Names {

    String unit(@Nullable String code);

    /** The command centre of that level over the whistle's area. */
    String centre(CommandLevel level);

    /** The whistle's category. */
    String category();

    /** "工单 <number>", or how an unfiled whistle is called. */
    String ticket();
}
