/** The category model and its two-level tree rule, free of Spring. */
@NullMarked
package org.whistle.orgreference.domain.catalogue;

import org.jspecify.annotations.NullMarked;
