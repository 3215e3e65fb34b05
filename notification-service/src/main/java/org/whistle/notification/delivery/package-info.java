/**
 * Effectively-once delivery: consumes every whistle event, plans one delivery per event × recipient × channel ×
 * target in the transaction that marks the event handled, and sends the plan through the channels with their
 * retries, time limits and rate limits, recording every attempt.
 */
@NullMarked
package org.whistle.notification.delivery;

import org.jspecify.annotations.NullMarked;
