/** The Open311 GeoReport v2 façade driven by third-party clients, through the gateway of the running platform. */
@NullMarked
package org.whistle.systemtests.open311;

import org.jspecify.annotations.NullMarked;
