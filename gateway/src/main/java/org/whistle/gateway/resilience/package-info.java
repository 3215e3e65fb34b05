/** Circuit breakers and time limits per route, and the problem details answered when a service is unavailable. */
@NullMarked
package org.whistle.gateway.resilience;

import org.jspecify.annotations.NullMarked;
