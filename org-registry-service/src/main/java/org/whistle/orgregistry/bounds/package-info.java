/** The bounds on what the registry takes (text lengths, enumeration values), shared by its JSON API and its imports. */
@NullMarked
package org.whistle.orgregistry.bounds;

import org.jspecify.annotations.NullMarked;
