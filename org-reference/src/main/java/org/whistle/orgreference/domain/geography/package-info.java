/** Geography: coordinate systems used in China, conversion to WGS-84, and resolving a location to its grid. */
@NullMarked
package org.whistle.orgreference.domain.geography;

import org.jspecify.annotations.NullMarked;
