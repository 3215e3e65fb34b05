/** The read API of the clocks: one ticket's clocks and dashboard counts, across every instance of the service. */
@NullMarked
package org.whistle.sla.clocks.web;

import org.jspecify.annotations.NullMarked;
