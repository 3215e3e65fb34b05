/** The category model and its two-level tree rule, free of Spring. */
@NullMarked
package org.whistle.orgregistry.catalogue.domain;

import org.jspecify.annotations.NullMarked;
