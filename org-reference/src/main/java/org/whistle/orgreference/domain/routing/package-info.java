/** Routing rules and the {@link org.whistle.orgreference.domain.routing.RoutingPolicy} that ranks them, free of Spring. */
@NullMarked
package org.whistle.orgreference.domain.routing;

import org.jspecify.annotations.NullMarked;
