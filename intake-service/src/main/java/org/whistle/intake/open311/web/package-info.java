/** HTTP edge of the Open311 façade, in JSON and XML. */
@NullMarked
package org.whistle.intake.open311.web;

import org.jspecify.annotations.NullMarked;
