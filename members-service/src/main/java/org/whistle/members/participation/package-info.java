/** What members-service tells the platform: community tasks and participation figures, through the outbox. */
@NullMarked
package org.whistle.members.participation;

import org.jspecify.annotations.NullMarked;
