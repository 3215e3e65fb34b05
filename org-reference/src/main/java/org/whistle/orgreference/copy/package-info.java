/**
 * A service's own copy of the organisation's reference data, kept from the compacted {@code org-*} topics, so it
 * resolves locations, routes and times whistles while org-registry is down.
 */
@NullMarked
package org.whistle.orgreference.copy;

import org.jspecify.annotations.NullMarked;
