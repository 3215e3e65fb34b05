/** The organisation and the categories as the org-* topics describe them, for names, levels and subtrees. */
@NullMarked
package org.whistle.evaluation.organisation;

import org.jspecify.annotations.NullMarked;
