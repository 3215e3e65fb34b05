/** The clocks of one ticket as a sheet of deadlines (design §5): starting, pausing, stopping and firing, free of Spring and Kafka. */
@NullMarked
package org.whistle.sla.clocks.domain;

import org.jspecify.annotations.NullMarked;
