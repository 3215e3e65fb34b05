/**
 * The organisation: the administrative tree from city to entrance, grid boundaries, the party organisations that
 * overlay the tree, and the handling units responsible for parts of it — read, maintained, imported and resolved
 * from a location.
 */
@NullMarked
package org.whistle.orgregistry.organisation;

import org.jspecify.annotations.NullMarked;
