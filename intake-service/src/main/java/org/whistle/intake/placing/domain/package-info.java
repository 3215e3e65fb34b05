/** Finding place names in an address and ranking the grids they point at; no framework. */
@NullMarked
package org.whistle.intake.placing.domain;

import org.jspecify.annotations.NullMarked;
