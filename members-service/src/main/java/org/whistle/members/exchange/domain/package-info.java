/** The redemption and the policy that keeps it from overdrawing, without Spring. */
@NullMarked
package org.whistle.members.exchange.domain;

import org.jspecify.annotations.NullMarked;
