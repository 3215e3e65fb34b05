/** The gateway: the platform's one public entry, routing each API to the service that owns it. */
@NullMarked
package org.whistle.gateway;

import org.jspecify.annotations.NullMarked;
