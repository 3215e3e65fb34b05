/** The deadline policy model and {@link org.whistle.orgregistry.deadlines.domain.PolicyLookup}, free of Spring. */
@NullMarked
package org.whistle.orgregistry.deadlines.domain;

import org.jspecify.annotations.NullMarked;
