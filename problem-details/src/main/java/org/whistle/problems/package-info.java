/**
 * RFC 9457 problem details: exceptions that domain and application code throw without knowing about HTTP, and the
 * single handler that turns them (and Spring's own request errors) into {@code application/problem+json}.
 */
@NullMarked
package org.whistle.problems;

import org.jspecify.annotations.NullMarked;
