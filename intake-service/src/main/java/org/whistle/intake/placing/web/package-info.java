/** {@code GET /api/whistles/places}: grids proposed for an address, for dispatchers taking calls. */
@NullMarked
package org.whistle.intake.placing.web;

import org.jspecify.annotations.NullMarked;
