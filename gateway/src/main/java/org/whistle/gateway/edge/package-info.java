/** Edge hygiene on every request: trace context, request ids, access log, security headers, CORS, limits. */
@NullMarked
package org.whistle.gateway.edge;

import org.jspecify.annotations.NullMarked;
