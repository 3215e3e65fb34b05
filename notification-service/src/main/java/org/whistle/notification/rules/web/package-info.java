/** {@code /api/notifications/rules}: the rule table for administrators. */
@NullMarked
package org.whistle.notification.rules.web;

import org.jspecify.annotations.NullMarked;
