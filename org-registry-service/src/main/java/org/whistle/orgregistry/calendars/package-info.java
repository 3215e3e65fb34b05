/**
 * Working-hour calendars (工作日历) as reference data: stored, imported a year of the official schedule at a time,
 * edited by administrators, audited and published on {@code org-calendars}.
 */
@NullMarked
package org.whistle.orgregistry.calendars;

import org.jspecify.annotations.NullMarked;
