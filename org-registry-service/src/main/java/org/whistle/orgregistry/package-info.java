/** The organisation registry: the organisation tree, grids, units, categories, routing and deadline policies, users and identity. */
@NullMarked
package org.whistle.orgregistry;

import org.jspecify.annotations.NullMarked;
