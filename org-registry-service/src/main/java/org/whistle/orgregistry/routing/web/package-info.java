/** The HTTP edge of routing: {@code /api/org/routing-rules}, the proposal and the routing-rules import. */
@NullMarked
package org.whistle.orgregistry.routing.web;

import org.jspecify.annotations.NullMarked;
