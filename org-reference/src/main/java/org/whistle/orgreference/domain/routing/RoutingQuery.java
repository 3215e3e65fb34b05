package org.whistle.orgreference.domain.routing;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.whistle.events.CommandLevel;
import org.whistle.orgreference.domain.catalogue.CategoryCode;

/**
 * What routing knows of one whistle.
 *
 * @param category the whistle's category, usually a 小类
 * @param mainCategory the category's 大类; null when the category is itself a 大类
 * @param ancestry the whistle's node and its ancestors, city first, the node itself last
 * @param level the command level deciding; null matches only rules for any level
 */
public record RoutingQuery(
        CategoryCode category,
        @Nullable CategoryCode mainCategory,
        List<NodeCode> ancestry,
        @Nullable CommandLevel level) {

    public RoutingQuery {
        Objects.requireNonNull(category);
        ancestry = List.copyOf(ancestry);
    }
}
