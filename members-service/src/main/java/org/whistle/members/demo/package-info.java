/** The demo city's members, tasks, catalogue and a year of ledger history, seeded by the local stack. */
@NullMarked
package org.whistle.members.demo;

import org.jspecify.annotations.NullMarked;
