/** {@code /api/org/calendars}: reading, editing and importing working-hour calendars. */
@NullMarked
package org.whistle.orgregistry.calendars.web;

import org.jspecify.annotations.NullMarked;
