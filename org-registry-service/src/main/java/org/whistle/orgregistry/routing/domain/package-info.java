/** Routing rules and the {@link org.whistle.orgregistry.routing.domain.RoutingPolicy} that ranks them, free of Spring. */
@NullMarked
package org.whistle.orgregistry.routing.domain;

import org.jspecify.annotations.NullMarked;
