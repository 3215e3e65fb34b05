/**
 * SMS and WeChat template messages to phone reporters through HTTP provider adapters, the reporter's contact fetched
 * from intake; a development provider writes what would be sent to the log and the dev outbox instead.
 */
@NullMarked
package org.whistle.notification.textmessages;

import org.jspecify.annotations.NullMarked;
