/** Whistles the community handles itself (党员进小区, ADR 0026): members-service's community tasks on the ticket. */
@NullMarked
package org.whistle.dispatch.community;

import org.jspecify.annotations.NullMarked;
