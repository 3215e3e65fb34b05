/**
 * Deadline policies (design §5): how long each clock runs for a category × urgency × command level, when to warn,
 * where to escalate and what pauses the clocks; and the lookup of the most specific policy for a whistle.
 */
@NullMarked
package org.whistle.orgregistry.deadlines;

import org.jspecify.annotations.NullMarked;
