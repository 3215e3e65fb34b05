/**
 * The ticket (工单) as pure domain: its lifecycle across the three command levels, the summoned units' tasks, the
 * hash-chained timeline and the named policies. No Spring, no database; time is always passed in.
 */
@NullMarked
package org.whistle.dispatch.ticket.domain;

import org.jspecify.annotations.NullMarked;
