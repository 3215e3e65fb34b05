/** The reporter's answer (回访): satisfied closes a verified ticket, "not fixed" reopens it (返工). */
@NullMarked
package org.whistle.dispatch.followup;

import org.jspecify.annotations.NullMarked;
