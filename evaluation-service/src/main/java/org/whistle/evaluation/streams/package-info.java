/** The one consumer of the whistle-* and org-* topics: each event is applied once, in one transaction. */
@NullMarked
package org.whistle.evaluation.streams;

import org.jspecify.annotations.NullMarked;
