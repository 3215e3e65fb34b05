/** The Open311 GeoReport v2 façade: the category catalogue as services and whistles as service requests. */
@NullMarked
package org.whistle.intake.open311;

import org.jspecify.annotations.NullMarked;
