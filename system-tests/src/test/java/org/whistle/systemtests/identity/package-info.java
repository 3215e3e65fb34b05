/** Signing in through the city's identity platform (upstream OpenID Connect, ADR 0047), through the gateway. */
@NullMarked
package org.whistle.systemtests.identity;

import org.jspecify.annotations.NullMarked;
