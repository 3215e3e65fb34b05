/** The HTTP edge of reporting: requests convert themselves, answers mask personal data by who asks. */
@NullMarked
package org.whistle.members.reporting.web;

import org.jspecify.annotations.NullMarked;
