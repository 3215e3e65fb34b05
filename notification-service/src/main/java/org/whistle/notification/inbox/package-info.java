/** The in-app inbox per user, unit and role, read/unread, and the administrators' alerts. */
@NullMarked
package org.whistle.notification.inbox;

import org.jspecify.annotations.NullMarked;
