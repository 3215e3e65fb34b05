/** The HTTP edge of the organisation: reading the tree, maintaining it, importing it, resolving locations. */
@NullMarked
package org.whistle.orgregistry.organisation.web;

import org.jspecify.annotations.NullMarked;
