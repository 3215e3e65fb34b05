/** Rule sets, ledger entries and the balance policy, without Spring. */
@NullMarked
package org.whistle.members.points.domain;

import org.jspecify.annotations.NullMarked;
