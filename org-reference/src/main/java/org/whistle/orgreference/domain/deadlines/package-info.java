/** The deadline policy model and {@link org.whistle.orgreference.domain.deadlines.PolicyLookup}, free of Spring. */
@NullMarked
package org.whistle.orgreference.domain.deadlines;

import org.jspecify.annotations.NullMarked;
