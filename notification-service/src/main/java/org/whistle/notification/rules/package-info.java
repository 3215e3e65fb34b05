/** The rule table in PostgreSQL: which event tells whom over which channels; administrators edit it. */
@NullMarked
package org.whistle.notification.rules;

import org.jspecify.annotations.NullMarked;
