/**
 * 党员进小区: party members and volunteers report to their compounds, claim grid tasks, earn points in an append-only
 * ledger and exchange them.
 */
@NullMarked
package org.whistle.members;

import org.jspecify.annotations.NullMarked;
