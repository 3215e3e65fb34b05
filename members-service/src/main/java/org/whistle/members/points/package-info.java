/** 积分制: the append-only ledger, rule sets per city, and balances and rankings derived from the ledger. */
@NullMarked
package org.whistle.members.points;

import org.jspecify.annotations.NullMarked;
