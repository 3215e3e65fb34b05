/** The bounds on text the registry takes, shared by its JSON API and its imports. */
@NullMarked
package org.whistle.orgregistry.bounds;

import org.jspecify.annotations.NullMarked;
