/**
 * Stream tickets: what lets an anonymous reporter, proven by tracking code and phone at intake, follow that one
 * whistle's live updates at notification-service without the code ever travelling there (ADR 0059).
 */
@NullMarked
package org.whistle.security.streams;

import org.jspecify.annotations.NullMarked;
