/** The administrator's endpoint for parked outbox events, which every service with an outbox gets. */
@NullMarked
package org.whistle.messaging.outbox.admin;

import org.jspecify.annotations.NullMarked;
