/** SLA: every running clock of every ticket, warning before a deadline and escalating one level after it. */
@NullMarked
package org.whistle.sla;

import org.jspecify.annotations.NullMarked;
