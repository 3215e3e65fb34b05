/** The HTTP edge of deadlines: {@code /api/org/deadline-policies}, the lookup and the deadline-policies import. */
@NullMarked
package org.whistle.orgregistry.deadlines.web;

import org.jspecify.annotations.NullMarked;
