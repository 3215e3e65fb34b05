/** The organisation's places (compounds, grids, buildings) as this service's copy of the org-* topics knows them. */
@NullMarked
package org.whistle.members.place;

import org.jspecify.annotations.NullMarked;
