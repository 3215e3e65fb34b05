/** The membership aggregate and its transition table, without Spring. */
@NullMarked
package org.whistle.members.reporting.domain;

import org.jspecify.annotations.NullMarked;
