/**
 * Routing rules: which handling units to summon for a whistle of a category in an area at a command level, one of
 * them lead (首接负责), with fallback owners (兜底) where no category rule applies; and the proposal for one whistle.
 */
@NullMarked
package org.whistle.orgregistry.routing;

import org.jspecify.annotations.NullMarked;
