/** The task aggregate with its claims, transition table and check-in policy, without Spring. */
@NullMarked
package org.whistle.members.tasks.domain;

import org.jspecify.annotations.NullMarked;
