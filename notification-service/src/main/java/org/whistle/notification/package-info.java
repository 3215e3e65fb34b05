/** Notification: who is told what over which channel — duty officers, leaders, reporters, department systems. */
@NullMarked
package org.whistle.notification;

import org.jspecify.annotations.NullMarked;
