/** Every change to organisation data and accounts, with who made it and what it was before and after. */
@NullMarked
package org.whistle.orgregistry.audit;

import org.jspecify.annotations.NullMarked;
