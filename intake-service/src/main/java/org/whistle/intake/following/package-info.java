/** Following up: the reporter's read model of each whistle, built from the lifecycle events, and the reporter's feedback. */
@NullMarked
package org.whistle.intake.following;

import org.jspecify.annotations.NullMarked;
