/** 积分超市: the catalogue with stock, redemptions that spend points without overdrawing, and the hand-over. */
@NullMarked
package org.whistle.members.exchange;

import org.jspecify.annotations.NullMarked;
