/** Dispatch: the ticket and its lifecycle across the street, district and city command levels. */
@NullMarked
package org.whistle.dispatch;

import org.jspecify.annotations.NullMarked;
