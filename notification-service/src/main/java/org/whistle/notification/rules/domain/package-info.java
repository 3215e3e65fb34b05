/** The rule table as values: which event, told to whom, over which channels, how urgently — without Spring. */
@NullMarked
package org.whistle.notification.rules.domain;

import org.jspecify.annotations.NullMarked;
