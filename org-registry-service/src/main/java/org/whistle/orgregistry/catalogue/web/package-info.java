/** The HTTP edge of the catalogue: {@code /api/org/categories} and the categories import. */
@NullMarked
package org.whistle.orgregistry.catalogue.web;

import org.jspecify.annotations.NullMarked;
