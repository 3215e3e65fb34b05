/**
 * Placing a call by its address (电话受理): the words a caller gives are matched against the city's place names and a
 * geocoder, and grids are proposed, ranked, for the dispatcher to confirm before the whistle is raised.
 */
@NullMarked
package org.whistle.intake.placing;

import org.jspecify.annotations.NullMarked;
