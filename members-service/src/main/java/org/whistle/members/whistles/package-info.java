/** Small whistles the community handles itself: this service's copy of the whistle topics and turning one into a task. */
@NullMarked
package org.whistle.members.whistles;

import org.jspecify.annotations.NullMarked;
