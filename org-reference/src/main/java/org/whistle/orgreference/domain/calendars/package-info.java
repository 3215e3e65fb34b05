/**
 * Working-hour calendars (工作日历) and the working-time arithmetic deadlines count with: adding working time to an
 * instant, and the working time between two instants. Free of Spring.
 */
@NullMarked
package org.whistle.orgreference.domain.calendars;

import org.jspecify.annotations.NullMarked;
